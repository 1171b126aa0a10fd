using Sitrep.Core.Annotations;

namespace Sitrep.Extraction.Events;

/// <summary>
/// A document's events as the recognizer adds them (in sentence order, since it reads sentence by
/// sentence), with what it asks of them per sentence answered without a scan of them all: the
/// events of the last few sentences, the latest current event (of a type), the types the story
/// already has, and the earlier tellings of an incident (same sub-type, timeframe and place).
/// </summary>
internal sealed class EventLog
{
    private readonly List<Event> _events;
    private readonly Dictionary<string, List<int>> _currentByType = new(StringComparer.Ordinal);
    private readonly Dictionary<(string SubType, string Timeframe, string? Place), List<int>> _incidents = [];
    private int _lastCurrent = -1;

    public EventLog(List<Event> events)
    {
        _events = events;
        for (int i = 0; i < _events.Count; i++)
        {
            Indexed(_events[i], i);
        }
    }

    public void Add(Event e)
    {
        _events.Add(e);
        Indexed(e, _events.Count - 1);
    }

    private void Indexed(Event e, int index)
    {
        if (e.Timeframe == "current")
        {
            _lastCurrent = index;
        }
        Index(e, index);
    }

    /// <summary>"Protests" that turn out to be riots: the event changes type and moves in the index.</summary>
    public void Retype(Event e, string eventType, string subType)
    {
        int index = _events.IndexOf(e);
        Unindex(e, index);
        (e.EventType, e.SubEventType) = (eventType, subType);
        Index(e, index);
    }

    /// <summary>The events told in this sentence and the <paramref name="back"/> before it, latest first.</summary>
    public IEnumerable<Event> Recent(int sentence, int back)
    {
        for (int i = _events.Count - 1; i >= 0 && _events[i].SentenceIndex >= sentence - back; i--)
        {
            yield return _events[i];
        }
    }

    /// <summary>Positions of the events in this sentence and the <paramref name="back"/> before it, in list order.</summary>
    public IEnumerable<int> RecentPositions(int sentence, int back)
    {
        int first = _events.Count;
        while (first > 0 && _events[first - 1].SentenceIndex >= sentence - back)
        {
            first--;
        }
        return Enumerable.Range(first, _events.Count - first);
    }

    public Event? LastCurrent => _lastCurrent >= 0 ? _events[_lastCurrent] : null;

    public Event? LastCurrentOf(string eventType) =>
        _currentByType.TryGetValue(eventType, out var list) && list.Count > 0 ? _events[list[^1]] : null;

    public bool StoryHas(string eventType) => _currentByType.TryGetValue(eventType, out var list) && list.Count > 0;

    /// <summary>Positions, in list order, of the events of one sub-type, timeframe and place.</summary>
    public IReadOnlyList<int> Tellings(string subType, string timeframe, string? place) =>
        _incidents.TryGetValue((subType, timeframe, place), out var list) ? list : [];

    public Event this[int position] => _events[position];

    private void Index(Event e, int index)
    {
        if (e.Timeframe == "current")
        {
            Insert(_currentByType, e.EventType, index);
        }
        Insert(_incidents, (e.SubEventType, e.Timeframe, e.Location?.Name), index);
    }

    private void Unindex(Event e, int index)
    {
        if (e.Timeframe == "current")
        {
            _currentByType[e.EventType].Remove(index);
        }
        _incidents[(e.SubEventType, e.Timeframe, e.Location?.Name)].Remove(index);
    }

    private static void Insert<TKey>(Dictionary<TKey, List<int>> index, TKey key, int position) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        int at = list.BinarySearch(position);
        list.Insert(at >= 0 ? at : ~at, position);
    }
}
