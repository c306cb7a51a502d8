package org.uncac.notesverbales.responses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A note verbale's responses reduced to what its rates and non-respondents need, ordered by received date and
 * then by recording instant. Folded once per change of the note's responses and kept (see
 * {@code ReadModelVersions}), so a rate as at any date, as recorded by any instant, reads no response at all.
 */
public record ResponseTimeline(List<Entry> entries) {

    /** One response: which, who, received when, recorded when, substantive or not, which questions it answers. */
    public record Entry(String responseId, String stateCode, LocalDate receivedOn, Instant recordedAt,
                        boolean substantive, Set<String> answered) {
    }

    public static ResponseTimeline of(List<Response> responses) {
        return new ResponseTimeline(responses.stream()
                .map(r -> {
                    Set<String> answered = r.answers().entrySet().stream()
                            .filter(a -> a.getValue() != null && !a.getValue().isBlank())
                            .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
                    return new Entry(r.responseId(), r.stateCode(), r.receivedOn(), r.recordedAt(), r.substantive(),
                            answered);
                })
                .sorted(Comparator.comparing(Entry::receivedOn).thenComparing(Entry::recordedAt))
                .toList());
    }

    /** Each State's response in force on {@code asAt}: its latest received then (later recording wins a tie). */
    public Map<String, Entry> latestByState(LocalDate asAt, Instant recordedBy) {
        Map<String, Entry> latest = new HashMap<>();
        for (Entry e : entries) {
            if (!e.receivedOn().isAfter(asAt) && (recordedBy == null || !e.recordedAt().isAfter(recordedBy))) {
                latest.put(e.stateCode(), e);
            }
        }
        return latest;
    }

    /** One day of a response curve: how many addressees had answered by then, and how many substantively. */
    public record Day(LocalDate date, int responded, int substantive) {
    }

    /**
     * The figures of every day from {@code from} to {@code to} in one pass over the entries: each day the same as
     * {@link #latestByState} restricted to the addressees would give, without folding the whole timeline again.
     */
    public List<Day> daily(LocalDate from, LocalDate to, Instant recordedBy, Collection<String> addressees) {
        Set<String> counted = Set.copyOf(addressees);
        Map<String, Entry> latest = new HashMap<>();
        List<Day> days = new ArrayList<>();
        int responded = 0;
        int substantive = 0;
        int next = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            while (next < entries.size() && !entries.get(next).receivedOn().isAfter(day)) {
                Entry e = entries.get(next++);
                if ((recordedBy != null && e.recordedAt().isAfter(recordedBy)) || !counted.contains(e.stateCode())) {
                    continue;
                }
                Entry before = latest.put(e.stateCode(), e);
                responded += before == null ? 1 : 0;
                substantive += (e.substantive() ? 1 : 0) - (before != null && before.substantive() ? 1 : 0);
            }
            days.add(new Day(day, responded, substantive));
        }
        return days;
    }
}
