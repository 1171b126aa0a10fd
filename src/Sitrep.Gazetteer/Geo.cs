namespace Sitrep.Gazetteer;

public static class Geo
{
    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double p1 = lat1 * Math.PI / 180, p2 = lat2 * Math.PI / 180;
        double dp = p2 - p1, dl = (lon2 - lon1) * Math.PI / 180;
        double h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }
}
