using Sitrep.Core.Annotations;
using Sitrep.Store.Export;

namespace Sitrep.Tests.Store;

public class AcledCsvTests
{
    [Fact]
    public void Fields_are_quoted_as_rfc_4180_says()
    {
        var writer = new StringWriter();
        AcledCsv.WriteRow(writer, ["plain", "a, b", "say \"no\"", "two\nlines", ""]);
        Assert.Equal("plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\r\n", writer.ToString());
        Assert.Equal([["plain", "a, b", "say \"no\"", "two\nlines", ""]], Csv.Parse(writer.ToString()));
    }

    [Theory]
    [InlineData(ActorType.StateForces, ActorType.RebelGroup, 12)]
    [InlineData(ActorType.RebelGroup, ActorType.StateForces, 12)]
    [InlineData(ActorType.ExternalForces, ActorType.Civilians, 78)]
    [InlineData(ActorType.Protesters, null, 60)]
    public void Interaction_puts_the_lower_inter_code_first(string type1, string? type2, int interaction)
    {
        int inter1 = AcledCsv.InterCode(new Actor("one", type1, null));
        int inter2 = AcledCsv.InterCode(type2 is null ? null : new Actor("two", type2, null));
        Assert.Equal(interaction, AcledCsv.Interaction(inter1, inter2));
    }

    [Fact]
    public void Every_sub_type_and_country_has_acleds_name()
    {
        Assert.All(EventTaxonomy.SubTypes, kv =>
        {
            Assert.True(AcledCsv.EventTypeNames.ContainsKey(kv.Key));
            Assert.All(kv.Value, sub => Assert.True(AcledCsv.SubEventTypeNames.ContainsKey(sub), sub));
        });
        var countries = Countries.Load();
        Assert.Equal(new CountryCodes("SY", "Syria", "SYR", 760, "Middle East"), countries["SY"]);
        Assert.Equal(new CountryCodes("SD", "Sudan", "SDN", 729, "Northern Africa"), countries["SD"]);
        Assert.Null(countries["ZZ"]);
    }
}
