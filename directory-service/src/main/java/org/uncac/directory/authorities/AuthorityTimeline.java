package org.uncac.directory.authorities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Everything known about one authority, in the order the changes took effect. Answers what the entry said
 * on a date, counting only changes recorded by a given instant (or all of them).
 */
public record AuthorityTimeline(String id, String stateCode, AuthorityType type, List<Change> changes) {

    public enum Kind { DESIGNATED, UPDATED, WITHDRAWN }

    /** One change: a new version of the details (designation, update) or the withdrawal. */
    public record Change(String eventId, Kind kind, LocalDate effective, Instant recordedAt, String recordedBy,
                         String source, AuthorityDetails details, String reason) {
    }

    /** The entry as it stood. */
    public record State(AuthorityDetails details, LocalDate inForceSince, LocalDate versionEffective,
                        Change lastChange) {
    }

    public AuthorityTimeline {
        // by effective date; on the same date, the later recording (a correction) comes last
        changes = changes.stream()
                .sorted(Comparator.comparing(Change::effective).thenComparing(Change::recordedAt))
                .toList();
    }

    /** The entry in force on {@code date} as recorded by {@code recordedBy} (null: everything), or null. */
    public State inForceOn(LocalDate date, Instant recordedBy) {
        State state = null;
        for (Change change : changes) {
            if (change.effective().isAfter(date)) {
                break;
            }
            if (recordedBy != null && change.recordedAt().isAfter(recordedBy)) {
                continue;
            }
            state = switch (change.kind()) {
                case DESIGNATED -> new State(change.details(), change.effective(), change.effective(), change);
                case UPDATED -> state == null ? null
                        : new State(change.details(), state.inForceSince(), change.effective(), change);
                case WITHDRAWN -> null;
            };
        }
        return state;
    }

    /** The last change recorded by {@code recordedBy}, whatever its effective date. */
    public Change lastRecorded(Instant recordedBy) {
        return changes.stream()
                .filter(c -> recordedBy == null || !c.recordedAt().isAfter(recordedBy))
                .max(Comparator.comparing(Change::recordedAt)).orElse(null);
    }

    /** Known at all by {@code recordedBy}? */
    public boolean knownBy(Instant recordedBy) {
        return lastRecorded(recordedBy) != null;
    }
}
