using System.Globalization;
using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;
using Sitrep.Extraction.Actors;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Events;

/// <summary>
/// ACLED events from the layers below: a trigger types the event, the clause's actors give the
/// sides (subject before the trigger, object after it, "by X" in the passive), the nearest
/// place its location, the clause's time expression its date (else the publication week),
/// the sentence's event-scope figures its fatalities, and cues its certainty and timeframe.
/// Sentences about the same incident merge into one event that keeps all their evidence.
/// </summary>
public sealed partial class EventRecognizer : IAnnotator
{
    private static readonly HashSet<string> CivilianTargets = new(StringComparer.Ordinal)
    {
        "residence", "residential", "hospital", "market", "school", "homes", "houses", "camp", "mosque", "church",
        "shelter", "civilians", "village", "neighbourhood", "neighborhood", "apartment", "building", "university",
    };

    private readonly EventLexicon _lexicon;
    private readonly ActorDictionary _actors;
    private readonly bool _classified;
    private readonly CombinationPolicy _policy;

    /// <param name="classified">Whether the pipeline runs the trained classifier before this component (the event_classes layer).</param>
    /// <param name="policy">How far the rules trust the classifier (default: <see cref="CombinationPolicy.Default"/>).</param>
    public EventRecognizer(EventLexicon lexicon, ActorDictionary actors, bool classified = false, CombinationPolicy? policy = null)
    {
        _lexicon = lexicon;
        _actors = actors;
        _classified = classified;
        _policy = policy ?? CombinationPolicy.Default;
    }

    public string Name => "events";

    public IReadOnlyList<string> Requires => _classified
        ? [.. Base, Layers.EventClasses]
        : Base;

    private static readonly string[] Base =
        [Layers.Sentences, Layers.Lexemes, Layers.Clauses, Layers.Places, Layers.Actors, Layers.Casualties, Layers.Times, Layers.Attributions];

    public IReadOnlyList<string> Provides => [Layers.Events];

    private sealed record Found(PhraseMatch<IReadOnlyList<Trigger>> Match, Trigger Trigger, string DecidedBy = DecidedBy.Rules);

    public void Annotate(Document document)
    {
        var folded = FoldedTokens.Of(document);
        Actor? lastActor1 = null;
        var log = new EventLog(document.Events);
        var learnedBySentence = document.EventClasses.ToDictionary(c => c.SentenceIndex);
        foreach (var sentence in document.Sentences)
        {
            if (document.InCaption(sentence.Start))
            {
                continue;
            }
            var cues = Cues(document, folded, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount - 1);
            bool aggregate = document.Within(document.Casualties, sentence.Span).Any(c => c.Scope == "aggregate");
            var triggers = Triggers(document, folded, sentence, log);
            if (triggers.Count == 0 && TollTrigger(document, sentence, log) is { } toll)
            {
                triggers.Add(toll);
            }
            if (_classified && learnedBySentence.TryGetValue(sentence.Index, out var learned))
            {
                triggers = Combine(document, sentence, triggers, learned);
            }
            foreach (var found in triggers)
            {
                // A toll over many incidents names its causes ("most of them in air strikes") without being an event.
                if (aggregate && found.Trigger.Role == "noun")
                {
                    continue;
                }
                // Time, history and negation cues count only in the trigger's own clause.
                var clause = document.ClauseOf(found.Match.FirstToken);
                var near = clause is null ? [] : Cues(document, folded, clause.FirstToken, clause.LastToken);
                if (near.Contains("future") || Negated(document, folded, clause, found.Match.FirstToken))
                {
                    continue;
                }
                var eventCues = new HashSet<string>(cues.Where(c => c is "claimed" or "unconfirmed" or "denied" or "nonviolent"));
                eventCues.UnionWith(near.Where(c => c == "background"));
                var places = CoordinatedPlaces(document, sentence);
                var days = CoordinatedDays(document, sentence);
                foreach (var place in places.Count >= 2 ? places.Cast<PlaceMention?>() : [null])
                {
                    foreach (var day in days.Count >= 2 ? days.Cast<TimeExpression?>() : [null])
                    {
                        var e = Build(document, sentence, found, eventCues, ref lastActor1, place, day, log);
                        if (e is not null)
                        {
                            Merge(log, e);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < document.Events.Count; i++)
        {
            var e = document.Events[i];
            e.Id = "e" + (i + 1).ToString(CultureInfo.InvariantCulture);
            e.Notes = Notes(e);
        }
    }

    /// <summary>The strongest trigger per event type in the sentence; modifiers only refine.</summary>
    private List<Found> Triggers(Document document, FoldedTokens folded, Sentence sentence, EventLog log)
    {
        var all = new List<Found>();
        var modifiers = new List<Trigger>();
        var lemmas = FoldedTokens.Lemmas(document);
        int first = sentence.FirstToken, last = first + sentence.TokenCount - 1;
        for (int k = first; k <= last; k++)
        {
            var m = _lexicon.Triggers.LongestAt(document, lemmas, k);
            if (m is null)
            {
                continue;
            }
            var written = folded.Key(k, m.TokenCount);
            foreach (var t in m.Value.Where(t => written == t.Phrase || RoleAgrees(document, t.Role, k, m.TokenCount)))
            {
                if (t.Role == "modifier")
                {
                    modifiers.Add(t);
                }
                else
                {
                    all.Add(new Found(m, t));
                }
            }
            k += m.TokenCount - 1;
        }
        foreach (var (words, trigger) in _lexicon.Wildcards)
        {
            for (int k = first; k + words.Length - 1 <= last; k++)
            {
                if (lemmas[k] == words[0] && Matches(words, lemmas, k))
                {
                    var span = new TextSpan(document.Tokens[k].Start, document.Tokens[k + words.Length - 1].End);
                    all.Add(new Found(new PhraseMatch<IReadOnlyList<Trigger>>(k, words.Length, span, [trigger]), trigger));
                }
            }
        }
        // "called the bombings ...": a definite noun refers back to an event already told.
        bool hasPlace = document.Within(document.Places, sentence.Span).Any();
        bool dated = document.Within(document.Times, sentence.Span).Any();
        all.RemoveAll(f => f.Trigger.Role == "noun" && f.Match.FirstToken > first &&
                           folded[f.Match.FirstToken - 1] is "the" or "these" or "this" or "those" or "its" or "their" &&
                           (!dated || f.Match.FirstToken - first <= 1));
        // "to press the government to seal the agreement": a purpose, not something that happened.
        all.RemoveAll(f => f.Trigger.Role == "noun" && f.Match.FirstToken - 3 >= first &&
                           (folded[f.Match.FirstToken - 3] == "to" || folded[f.Match.FirstToken - 2] == "to"));
        // "Kinshasa accuses Rwanda of deploying troops": an accusation reports no event.
        var accusation = Accusation().Match(document.Text, sentence.Start, sentence.Span.Length);
        if (accusation.Success)
        {
            all.RemoveAll(f => f.Match.Span.Start > accusation.Index);
        }
        // A weak noun ("drones", "missile") names an event only where the sentence also says where.
        all.RemoveAll(f => f.Trigger.Role == "noun" && f.Trigger.Weight <= 4 && !hasPlace);
        bool crowd = document.Within(document.Actors, sentence.Span).Any(a => a.Type is ActorType.Protesters or ActorType.Rioters);
        // A story already about strikes reads "Strikes also hit Dnipro" as one more.
        int Score(Found f) => f.Trigger.Weight + Boost(f.Trigger, modifiers) +
                              (crowd && f.Trigger.EventType is "riots" or "protests" ? 4 : 0) +
                              (log.StoryHas(f.Trigger.EventType) ? 1 : 0);
        // Protesters who storm, burn or loot are rioters (ACLED: violent demonstration), one event.
        if (crowd && all.Any(f => f.Trigger.EventType is "battles" or "violence_against_civilians" or "riots" ||
                                  f.Trigger.SubEventType == "looting_property_destruction"))
        {
            var riot = all.OrderByDescending(f => f.Trigger.EventType == "riots" ? 1 : 0).ThenByDescending(f => f.Trigger.Weight).First();
            var trigger = riot.Trigger.EventType == "riots" ? riot.Trigger : riot.Trigger with { EventType = "riots", SubEventType = "violent_demonstration" };
            return [riot with { Trigger = trigger }];
        }
        var chosen = new List<Found>();
        foreach (var group in all.GroupBy(f => f.Trigger.EventType))
        {
            var best = group.OrderByDescending(Score).First();
            if (Score(best) < 4)
            {
                continue;
            }
            // "Warplanes pounded the city": a weak verb takes the kind its modifier names.
            var modifier = modifiers.Where(m => m.EventType == best.Trigger.EventType && m.SubEventType != best.Trigger.SubEventType)
                .OrderByDescending(m => m.Weight).FirstOrDefault();
            if (modifier is not null && modifier.Weight > best.Trigger.Weight)
            {
                best = best with { Trigger = best.Trigger with { SubEventType = modifier.SubEventType } };
            }
            chosen.Add(best);
        }
        // One incident, one type: a strike that killed people is not also a battle; types in separate clauses both stand.
        if (chosen.Count > 1)
        {
            var top = chosen.MaxBy(Score)!;
            chosen = chosen.Where(f => f == top || document.ClauseOf(f.Match.FirstToken) != document.ClauseOf(top.Match.FirstToken)).ToList();
        }
        return chosen;
    }

    /// <summary>
    /// A row matched through an inflection ("attacks" for "attacked") must keep its role: a verb
    /// row needs a verb in the match, a noun row a noun, so "according to" is not the noun "accord".
    /// </summary>
    private static bool RoleAgrees(Document document, string role, int first, int count)
    {
        for (int k = first; k < first + count; k++)
        {
            var pos = document.Lexemes[k].Pos;
            if (role == "modifier" || (role == "verb" ? pos == PartOfSpeech.Verb : pos is PartOfSpeech.Noun or PartOfSpeech.ProperNoun))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Matches(string[] words, FoldedTokens folded, int start)
    {
        for (int j = 1; j < words.Length; j++)
        {
            if (words[j] != "*" && folded[start + j] != words[j])
            {
                return false;
            }
        }
        return true;
    }

    private static int Boost(Trigger trigger, List<Trigger> modifiers) =>
        modifiers.Where(m => m.SubEventType == trigger.SubEventType).Select(m => 2).DefaultIfEmpty(0).Max();

    /// <summary>
    /// "There was no fighting in Kindu", "the army did not shell the town": a negation cue in the
    /// trigger's clause, at most three tokens before it. "No one was hurt in the strike" negates
    /// the toll, not the strike, and stands further off.
    /// </summary>
    private bool Negated(Document document, FoldedTokens folded, Clause? clause, int trigger)
    {
        if (clause is null)
        {
            return false;
        }
        for (int k = Math.Max(clause.FirstToken, trigger - 3); k < trigger; k++)
        {
            if (!InTime(document, k) && _lexicon.Cues.LongestAt(document, folded, k) is { Value: "negation" } m && m.FirstToken + m.TokenCount <= trigger)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Cue words inside a date are the date's ("On 5 May" holds no modal "may").</summary>
    private static bool InTime(Document document, int token)
    {
        int offset = document.Tokens[token].Start;
        return document.IndexOf(document.Times).Overlaps(new TextSpan(offset, offset + 1));
    }

    private HashSet<string> Cues(Document document, FoldedTokens folded, int first, int last)
    {
        var cues = new HashSet<string>();
        for (int k = first; k <= last; k++)
        {
            if (InTime(document, k))
            {
                continue;
            }
            if (_lexicon.Cues.LongestAt(document, folded, k) is { } m)
            {
                cues.Add(m.Value);
                k += m.TokenCount - 1;
            }
        }
        return cues;
    }

    /// <summary>
    /// "Two adults were killed at the hospital": a sentence that gives an incident's toll but names
    /// no weapon continues the incident type of the story's last event.
    /// </summary>
    private Found? TollTrigger(Document document, Sentence sentence, EventLog log)
    {
        var figure = document.Within(document.Casualties, sentence.Span).FirstOrDefault(c => c.Scope == "event" && c.Outcome == "killed");
        var previous = log.Recent(sentence.Index, 3).FirstOrDefault(e => e.Timeframe == "current" &&
                                                          e.EventType is "explosions_remote_violence" or "battles" or "violence_against_civilians");
        // "That is far higher than the 773 deaths ...": a sentence about a figure, not a new incident.
        if (figure is null || previous is null || !document.Within(document.Places, sentence.Span).Any() ||
            document.Text.AsSpan(sentence.Start).StartsWith("That ") || document.Text.AsSpan(sentence.Start).StartsWith("This "))
        {
            return null;
        }
        var trigger = new Trigger(TollPhrase, previous.EventType, previous.SubEventType, 4, "noun");
        var span = figure.NumberSpan;
        int token = document.TokenStartingAt(span.Start);
        var match = new PhraseMatch<IReadOnlyList<Trigger>>(Math.Max(token, sentence.FirstToken), 1, span, [trigger]);
        return new Found(match, trigger);
    }

    /// <summary>"Damascus, Homs, Tartus and Palmyra": towns named in one list, one event each (ACLED: one place per event).</summary>
    private static List<PlaceMention> CoordinatedPlaces(Document document, Sentence sentence)
    {
        var towns = document.Within(document.Places, sentence.Span)
            .Where(p => p.Kind is PlaceKind.PopulatedPlace or PlaceKind.District or PlaceKind.Feature)
            .OrderBy(p => p.Start).ToList();
        var best = new List<PlaceMention>();
        var chain = new List<PlaceMention>();
        foreach (var p in towns)
        {
            if (chain.Count > 0)
            {
                var gap = document.Text[chain[^1].End..p.Start].Trim();
                if (gap is not ("," or "and" or ", and" or "or" or ", or"))
                {
                    chain = [];
                }
            }
            if (chain.All(c => c.Name != p.Name))
            {
                chain.Add(p);
            }
            if (chain.Count > best.Count)
            {
                best = [.. chain];
            }
        }
        return best;
    }

    /// <summary>"on Friday and again on Saturday": one event per day (ACLED: one day per event).</summary>
    private static List<TimeExpression> CoordinatedDays(Document document, Sentence sentence)
    {
        var days = document.Within(document.Times, sentence.Span).Where(t => t.Precision == DatePrecision.Day && !t.IsFuture)
            .OrderBy(t => t.Start).ToList();
        for (int i = 1; i < days.Count; i++)
        {
            var gap = document.Text[days[i - 1].End..days[i].Start].Trim();
            if (gap is not ("and" or "and again" or ", and" or "and then" or ", and again"))
            {
                return [];
            }
        }
        return days.DistinctBy(d => d.From).ToList();
    }

    private Event? Build(Document document, Sentence sentence, Found found, HashSet<string> cues, ref Actor? lastActor1,
        PlaceMention? listedPlace, TimeExpression? listedDay, EventLog log)
    {
        var trigger = found.Trigger;
        var triggerSpan = found.Match.Span;
        bool violent = trigger.EventType is "battles" or "explosions_remote_violence" or "violence_against_civilians";
        var actors = document.Within(document.Actors, sentence.Span).ToList();
        // Who says it is not who does it: "Rwanda's army said shells fired by Congolese troops ...".
        var speakers = SentenceAttributions(document, sentence).Select(a => a.SourceSpan).ToList();
        var combatants = actors.Where(a => (!a.IsMetonym || trigger.EventType == "strategic_developments") &&
                                           !speakers.Any(s => s.Overlaps(a.Span))).ToList();
        var rest = document.Text[triggerSpan.End..sentence.End];

        // Passive: "was shelled by X", "shells fired by X".
        var byActor = combatants.FirstOrDefault(a => a.Start > triggerSpan.End && a.Start - triggerSpan.End < 30 &&
                                                     PassiveAgent().IsMatch(document.Text[triggerSpan.End..a.Start]));
        // "Russian warplanes bombed": an actor phrase may run into the trigger.
        var before = combatants.Where(a => a.Start < triggerSpan.Start || (a.Start == triggerSpan.Start && a.End < triggerSpan.End)).ToList();
        var after = combatants.Where(a => a.Start >= triggerSpan.End && a != byActor).ToList();
        Actor? actor1 = byActor?.Actor ?? before.LastOrDefault(a => a.Type != ActorType.Civilians)?.Actor;
        var assoc1 = new List<Actor>();
        if (actor1 is not null && byActor is null)
        {
            var head = before.Last(a => a.Actor == actor1);
            // Sides joined in one phrase ("the Russian and Syrian air forces", "rebels and Rwandan troops"): the first leads.
            var allies = before.Where(a => a.Actor != actor1 && a.Type != ActorType.Civilians && a.End <= head.Start &&
                                           document.Text[a.End..head.Start].Trim() is "and" or "," or "and the").ToList();
            if (allies.Count > 0)
            {
                assoc1.Add(actor1);
                assoc1.AddRange(allies.Skip(1).Select(a => a.Actor));
                actor1 = allies[0].Actor;
            }
        }
        // "X launched an offensive against Y ... fighting": the sides of "against".
        int against = document.Text.IndexOf(" against ", sentence.Start, sentence.Span.Length, StringComparison.Ordinal);
        if (trigger.EventType == "battles" && against > 0 &&
            combatants.LastOrDefault(a => a.End <= against && a.Type != ActorType.Civilians) is { } attacker &&
            combatants.FirstOrDefault(a => a.Start > against) is { } defender)
        {
            actor1 = attacker.Actor;
            after = [defender, .. after.Where(a => a != defender)];
        }
        if (actor1 is null && speakers.Count > 0 && SpeakerActs().IsMatch(document.Text[sentence.Start..triggerSpan.End]))
        {
            // "HTS said its men had stormed the prison", "the army said it had retaken the city": the speaker acts.
            actor1 = actors.FirstOrDefault(a => speakers.Any(s => s.Overlaps(a.Span)) && !a.IsMetonym)?.Actor;
        }
        if (trigger.Phrase == TollPhrase && log.LastCurrent is { } incident)
        {
            // A toll sentence continues the incident: its sides stay.
            actor1 = incident.Actor1;
        }
        if (actor1 is null && StartsWithPronoun(document, sentence))
        {
            actor1 = lastActor1;
        }
        if (actor1 is null && violent && actors.FirstOrDefault(a => speakers.Any(s => s.Overlaps(a.Span)) && IsArmed(a.Actor)) is { } claimant)
        {
            // "The SBU said drones it had smuggled into Russia hit the bases": an armed speaker telling of its own strike.
            actor1 = claimant.Actor;
        }
        if (actor1 is null && sentence.Index > 0 && trigger.EventType is "battles" or "explosions_remote_violence")
        {
            // "Warplanes struck ...": the side of the story's last event, else the armed actor the previous sentence named.
            var previous = document.Sentences[sentence.Index - 1].Span;
            actor1 = log.Recent(sentence.Index, 2).FirstOrDefault(e => e.Actor1 is { } a && IsArmed(a))?.Actor1 ??
                     document.Within(document.Actors, previous).Where(a => !a.IsMetonym).Select(a => a.Actor).FirstOrDefault(IsArmed) ??
                     (lastActor1 is { } last && IsArmed(last) ? last : null);
        }
        Actor? actor2 = after.FirstOrDefault(a => a.Actor != actor1)?.Actor;
        if (actor2 is null && trigger.EventType is "explosions_remote_violence" or "violence_against_civilians" && TargetsCivilians(document, sentence, triggerSpan))
        {
            actor2 = _actors.StateActor("civilians", document.FocusCountry);
        }
        if (actor2 is null && trigger.SubEventType is "non_state_actor_overtakes_territory" or "armed_clash" &&
            actor1 is not null && actor1.Type != ActorType.StateForces)
        {
            actor2 = _actors.StateActor("military", document.FocusCountry);
        }
        if (actor1 is null)
        {
            if (trigger.EventType is "strategic_developments" or "protests" or "riots")
            {
                actor1 = trigger.EventType switch
                {
                    "protests" => _actors.StateActor("protesters", document.FocusCountry),
                    "riots" => _actors.StateActor("rioters", document.FocusCountry),
                    _ when trigger.SubEventType == "arrests" => _actors.StateActor("police", document.FocusCountry),
                    _ => null,
                };
                if (actor1 is null && trigger.EventType == "strategic_developments")
                {
                    return null;
                }
            }
            else
            {
                actor1 = _actors.StateActor("unidentified", document.FocusCountry);
            }
        }
        if (actor1 is not null)
        {
            lastActor1 = actor1;
        }
        assoc1.RemoveAll(a => a == actor1 || a == actor2);

        var subType = trigger.SubEventType;
        // "Strikes also hit Dnipro" after "a Russian missile": a weak word takes the story's established kind.
        if (trigger.Weight <= 4 && log.LastCurrentOf(trigger.EventType) is { } earlier)
        {
            subType = earlier.SubEventType;
        }
        if (subType == "government_regains_territory" && actor1 is { Type: not ActorType.StateForces })
        {
            subType = "non_state_actor_overtakes_territory";
        }
        if (subType == "non_state_actor_overtakes_territory" && actor1 is { Type: ActorType.StateForces } &&
            actor1.Country == document.FocusCountry)
        {
            subType = "government_regains_territory";
            actor1 = _actors.StateActor("military", actor1.Country) ?? actor1;
        }

        // "took control of Daraa under a deal that gave officers safe passage": territory changed hands without a fight.
        if (subType is "non_state_actor_overtakes_territory" or "government_regains_territory" && cues.Contains("nonviolent"))
        {
            subType = "non_violent_transfer_of_territory";
        }
        var place0 = listedPlace is not null
            ? Location(document, listedPlace, NearPrecision(document, listedPlace))
            : ChoosePlace(document, sentence, triggerSpan);
        var place = place0;
        // Armed men storming a displacement camp attack civilians (ACLED), whatever the verb.
        if (trigger.EventType == "battles" && place is not null && place.Name.Contains("camp", StringComparison.OrdinalIgnoreCase) &&
            actor1 is { Type: not ActorType.StateForces } &&
            (trigger.SubEventType == "armed_clash" || trigger.Phrase.StartsWith("storm", StringComparison.Ordinal) ||
             trigger.Phrase.StartsWith("raid", StringComparison.Ordinal)))
        {
            subType = "attack";
            actor2 = _actors.StateActor("civilians", place.Country ?? document.FocusCountry);
        }
        var time = listedDay ?? document.Within(document.Times, sentence.Span).Where(t => !t.IsFuture)
            .OrderBy(t => Math.Abs(t.Start - triggerSpan.Start)).FirstOrDefault();
        var published = document.Metadata.Published;
        // An undated sentence that goes on about the story's incident ("Strikes also hit Dnipro") keeps its day.
        var continued = log.Recent(sentence.Index, 3).FirstOrDefault(e => e.Timeframe == "current" && e.EventType == trigger.EventType &&
                                                           e.Date?.Precision == DatePrecision.Day &&
                                                           (listedPlace is not null || e.Location?.Name == place?.Name));
        EventDate? date = time is not null
            ? new EventDate(Iso(time.From), Iso(time.To), time.Precision, time.Text)
            : continued?.Date is { } day ? day with { Text = null }
            : published is DateOnly p ? new EventDate(Iso(p.AddDays(-2)), Iso(p), DatePrecision.Week, null) : null;

        bool background = cues.Contains("background") ||
                          (time is not null && published is DateOnly pub && time.To < pub.AddDays(-31));
        var figures = document.Within(document.Casualties, sentence.Span).Where(c => c.Scope == "event" && c.Outcome == "killed").ToList();
        var fatalities = figures.Count == 0
            ? Fatalities.None
            : new Fatalities(figures[0].Count.Best, figures[0].Count.Low, figures[0].Count.High,
                figures.FirstOrDefault(f => f.Victims is "civilians" or "children")?.Count.Best);
        var sources = SentenceAttributions(document, sentence).Select(a => a.Source).Distinct().ToList();
        var certainty = cues.Contains("denied") ? "denied"
            : cues.Contains("unconfirmed") ? "unconfirmed"
            : cues.Contains("claimed") ? "claimed"
            : "reported";

        return new Event
        {
            EventType = EventTaxonomy.EventTypeOf(subType) ?? trigger.EventType,
            SubEventType = subType,
            Date = date,
            Actor1 = actor1,
            Actor2 = actor2,
            AssocActor1 = assoc1,
            Location = place,
            Fatalities = fatalities,
            Sources = sources,
            Certainty = certainty,
            Timeframe = background ? "background" : "current",
            Evidence = [new Evidence(sentence.Start, sentence.End)],
            SentenceIndex = sentence.Index,
            FromQuote = InsideQuote(document, sentence, triggerSpan.Start),
            DecidedBy = found.DecidedBy,
        };
    }

    private static bool IsArmed(Actor actor) =>
        actor.Type is ActorType.RebelGroup or ActorType.PoliticalMilitia or ActorType.IdentityMilitia or ActorType.ExternalForces ||
        actor.Type == ActorType.StateForces && !actor.Name.StartsWith("Government of", StringComparison.Ordinal);

    private static bool InsideQuote(Document document, Sentence sentence, int offset) =>
        document.Text[sentence.Start..offset].Count(c => c is '"' or '“' or '”') % 2 == 1;

    private static bool StartsWithPronoun(Document document, Sentence sentence)
    {
        var words = document.Slice(sentence.Span).Split(' ', 4);
        return words.Take(3).Any(w => w.TrimEnd(',') is "they" or "They" or "It" or "it");
    }

    private static bool TargetsCivilians(Document document, Sentence sentence, TextSpan trigger)
    {
        var rest = document.Text.Substring(trigger.End, sentence.End - trigger.End).ToLowerInvariant();
        return rest.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Take(8).Any(CivilianTargets.Contains) ||
               document.Within(document.Casualties, sentence.Span).Any(c => c.Victims is "civilians" or "children" or "women");
    }

    /// <summary>Who is cited in a sentence (an attribution spans its sentence).</summary>
    private static IEnumerable<Core.Annotations.Attribution> SentenceAttributions(Document document, Sentence sentence) =>
        document.Within(document.Attributions, sentence.Span).Where(a => a.SentenceIndex == sentence.Index);

    /// <summary>The most specific place in the sentence nearest the trigger, else the neighbours, else the document's focus.</summary>
    private static EventLocation? ChoosePlace(Document document, Sentence sentence, TextSpan trigger)
    {
        static int Rank(PlaceMention p) => p.Kind switch
        {
            PlaceKind.PopulatedPlace or PlaceKind.District or PlaceKind.Feature => 0,
            PlaceKind.Admin2 => 1,
            PlaceKind.Admin1 or PlaceKind.Region => 2,
            _ => 3,
        };
        var places = document.Derived("events.event-places", EventPlaces);
        var inSentence = document.Within(places, sentence.Span).ToList();
        var chosen = inSentence.OrderBy(Rank).ThenBy(p => Math.Abs(p.Start - trigger.Start)).FirstOrDefault();
        if (chosen is not null && Rank(chosen) < 3)
        {
            return Location(document, chosen, Rank(chosen) == 0 ? NearPrecision(document, chosen) : 3);
        }
        foreach (var neighbour in new[] { sentence.Index - 1, sentence.Index + 1 })
        {
            if (neighbour < 0 || neighbour >= document.Sentences.Count)
            {
                continue;
            }
            var span = document.Sentences[neighbour].Span;
            var near = document.Within(places, span).Where(p => Rank(p) < 3).OrderBy(Rank).FirstOrDefault();
            if (near is not null)
            {
                return Location(document, near, Rank(near) == 0 ? 2 : 3);
            }
        }
        if (chosen is not null)
        {
            return Location(document, chosen, 3);
        }
        var focus = document.Derived("events.focus-place", d => places.Where(p => p.Country == d.FocusCountry && !d.InCaption(p.Start))
            .GroupBy(p => p.Name).OrderByDescending(g => g.Count()).ThenBy(g => Rank(g.First())).FirstOrDefault()?.First());
        return focus is null ? null : Location(document, focus, Rank(focus) == 0 ? 2 : 3);
    }

    /// <summary>The dateline says where the report was filed, and a speaker's title where they serve, not where anything happened.</summary>
    private static List<PlaceMention> EventPlaces(Document document)
    {
        var speakers = new SpanIndex(document.Attributions.Select(a => a.SourceSpan));
        return document.Places.Where(p => (document.Dateline is not { } d || !d.Span.Covers(p.Span)) && !speakers.AnyCovers(p.Span)).ToList();
    }

    private static int NearPrecision(Document document, PlaceMention place)
    {
        var before = document.Text.Substring(Math.Max(0, place.Start - 20), Math.Min(20, place.Start)).ToLowerInvariant();
        return before.Contains("near") || before.Contains("outskirts") || before.Contains("outside") || place.Kind == PlaceKind.District ? 2 : 1;
    }

    private static EventLocation Location(Document document, PlaceMention p, int precision) =>
        new(p.Name, p.Kind, p.Country, p.Admin1, p.Lat, p.Lon, precision);

    /// <summary>Sentences about one incident (same type, place and day) become one event with all the evidence.</summary>
    private static void Merge(EventLog log, Event e)
    {
        static bool Crowd(Event x) => x.EventType is "protests" or "riots";
        // A quoted claim or an undated follow-up sentence retells the incident just reported.
        bool Retelling(Event x) => e.FromQuote || (e.Date?.Text is null && e.SentenceIndex - x.SentenceIndex is > 0 and <= 2);
        // "Police fired tear gas to disperse them": the crowd of the sentence before, wherever the fallback put it.
        bool SameCrowd(Event x) => Crowd(x) && Crowd(e) && e.SentenceIndex - x.SentenceIndex is >= 0 and <= 2 && e.Date?.Text is null;
        // Crowds within two sentences, and the tellings of the same sub-type, timeframe and place: all that can match, in list order.
        var nearby = log.RecentPositions(e.SentenceIndex, 2).ToList();
        var tellings = log.Tellings(e.SubEventType, e.Timeframe, e.Location?.Name);
        var candidates = (Crowd(e) ? tellings.Union(nearby).Order() : tellings.AsEnumerable()).Select(i => log[i]);
        var same = nearby.Select(i => log[i]).FirstOrDefault(x => x.Timeframe == e.Timeframe && SameCrowd(x)) ?? candidates.FirstOrDefault(x =>
            (x.SubEventType == e.SubEventType || (Crowd(x) && Crowd(e) && Math.Abs(x.SentenceIndex - e.SentenceIndex) <= 2)) &&
            x.Timeframe == e.Timeframe && x.Location?.Name == e.Location?.Name && (SameDay(x.Date, e.Date) || Retelling(x)));
        if (same is null)
        {
            log.Add(e);
            return;
        }
        same.Evidence.AddRange(e.Evidence);
        if (e.EventType == "riots" && same.EventType == "protests")
        {
            log.Retype(same, e.EventType, e.SubEventType);
            same.Actor1 = e.Actor1;
        }
        same.Sources = same.Sources.Union(e.Sources).ToList();
        same.Actor2 ??= e.Actor2;
        if (same.Fatalities.Best is null)
        {
            same.Fatalities = e.Fatalities;
        }
    }

    /// <summary>Two datings of one incident: the same day or window (an incident told twice is dated twice alike).</summary>
    private static bool SameDay(EventDate? a, EventDate? b) => a is null || b is null || a.Start == b.Start && a.End == b.End;

    private const string TollPhrase = "(toll)";

    [System.Text.RegularExpressions.GeneratedRegex(@"\baccus(e|es|ed|ing)\s+[\w'’ -]{1,40}?\s+of\b")]
    private static partial System.Text.RegularExpressions.Regex Accusation();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(said|says|announced|claimed|added|reported|confirmed)(\s+[\w-]+){0,4}?\s+(that\s+)?(it|they|we|its|their|our)\b")]
    private static partial System.Text.RegularExpressions.Regex SpeakerActs();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bby(\s+the)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex PassiveAgent();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> NoteVerbs = new(StringComparer.Ordinal)
    {
        ["armed_clash"] = "clashed with",
        ["government_regains_territory"] = "regained territory from",
        ["non_state_actor_overtakes_territory"] = "took territory from",
        ["chemical_weapon"] = "used a chemical weapon against",
        ["air_drone_strike"] = "carried out an air or drone strike against",
        ["suicide_bomb"] = "carried out a suicide bombing against",
        ["shelling_artillery_missile_attack"] = "shelled",
        ["remote_explosive_landmine_ied"] = "set off a remote explosive against",
        ["grenade"] = "threw a grenade at",
        ["sexual_violence"] = "committed sexual violence against",
        ["attack"] = "attacked",
        ["abduction_forced_disappearance"] = "abducted",
        ["peaceful_protest"] = "protested",
        ["protest_with_intervention"] = "protested and were dispersed by",
        ["excessive_force_against_protesters"] = "used excessive force against",
        ["violent_demonstration"] = "rioted against",
        ["mob_violence"] = "attacked as a mob",
        ["agreement"] = "reached an agreement with",
        ["arrests"] = "arrested",
        ["change_to_group_activity"] = "changed its activity towards",
        ["disrupted_weapons_use"] = "intercepted or disrupted weapons of",
        ["headquarters_or_base_established"] = "established a base against",
        ["looting_property_destruction"] = "looted or destroyed property of",
        ["non_violent_transfer_of_territory"] = "took over territory without fighting from",
        ["other"] = "acted against",
    };

    /// <summary>One ACLED-style sentence from the fields: "On 29 November 2024, HTS shelled ... in Aleppo (Aleppo). Casualties unknown."</summary>
    private static string Notes(Event e)
    {
        static string Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var when = e.Date is null ? "On an unknown date" :
            e.Date.Precision == DatePrecision.Day ? $"On {Day(e.Date.Start)}" : $"Between {Day(e.Date.Start)} and {Day(e.Date.End)}";
        var who = e.Actor1?.Name ?? "an unidentified actor";
        if (e.AssocActor1.Count > 0)
        {
            who += " (with " + string.Join(", ", e.AssocActor1.Select(a => a.Name)) + ")";
        }
        var verb = NoteVerbs.GetValueOrDefault(e.SubEventType, "acted against");
        var whom = e.Actor2?.Name;
        var action = whom is null ? verb.Split(' ')[0] switch
        {
            "shelled" or "attacked" or "abducted" or "arrested" => verb + " targets",
            _ => string.Join(' ', verb.Split(' ').Where(w => w is not ("against" or "with" or "from" or "of" or "at" or "by" or "towards"))),
        } : $"{verb} {whom}";
        var where = e.Location is null ? "" : $" in {e.Location.Name}" + (e.Location.Admin1 is { } a && a != e.Location.Name ? $" ({a})" : "");
        var toll = e.Fatalities.Best is int n ? $"{n} fatalities." : "Casualties unknown.";
        return $"{when}, {who} {action}{where}. {toll}";
    }
}
