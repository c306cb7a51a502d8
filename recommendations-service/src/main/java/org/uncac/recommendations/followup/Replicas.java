package org.uncac.recommendations.followup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link ReplicasProjection} keeps of other services' facts, read back as records. */
public final class Replicas {

    private Replicas() {
    }

    /** A count or coverage the secretariat published, with where ({@code source}, cited) and when it was recorded. */
    public record PublishedFigure(LocalDate asAt, String asAtKnownTo, String source, String text, Instant recordedAt,
                                  Integer value, Map<String, Integer> byType) {

        /** Recorded by {@code recordedBy} (null: everything recorded counts). */
        public boolean knownBy(Instant recordedBy) {
            return RecommendationRecord.known(recordedAt, recordedBy);
        }
    }

    public record NoteResponse(String responseId, String stateCode, LocalDate receivedOn, Instant recordedAt) {
    }

    /** A note verbale as issued, with the responses to it and the counts of responses published for it. */
    public record NoteReplica(@JsonProperty("_id") String id, String reference, String subject, LocalDate date,
                              Integer addressees, List<NoteResponse> responses, List<PublishedFigure> publishedFigures) {

        public NoteReplica {
            responses = responses == null ? List.of() : responses;
            publishedFigures = publishedFigures == null ? List.of() : publishedFigures;
        }

        /** Distinct States that had responded by {@code date}, as recorded by {@code recordedBy}. */
        public int respondedBy(LocalDate date, Instant recordedBy) {
            Set<String> states = new HashSet<>();
            for (NoteResponse r : responses) {
                if (!r.receivedOn().isAfter(date) && RecommendationRecord.known(r.recordedAt(), recordedBy)) {
                    states.add(r.stateCode());
                }
            }
            return states.size();
        }

        /** The latest count of responses the secretariat published on or before {@code asAt}, or null. */
        public PublishedFigure publishedOn(LocalDate asAt, Instant recordedBy) {
            return publishedFigures.stream().filter(f -> !f.asAt().isAfter(asAt) && f.knownBy(recordedBy))
                    .max(Comparator.comparing(PublishedFigure::asAt)).orElse(null);
        }
    }

    public record MeetingReplica(@JsonProperty("_id") String id, String body, Integer ordinal, String title, String venue,
                                 LocalDate start, LocalDate end) {
    }

    /** The directory's coverage as the secretariat published it. */
    public record PublishedCoverage(@JsonProperty("_id") String id, PublishedFigure figure) {
    }
}
