package org.uncac.recommendations.recommendations;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** A recommendation's (or a Conference mandate's) life: adopted, followed up, reaffirmed, superseded. */
public final class RecommendationMessages {

    private RecommendationMessages() {
    }

    /** Whom a recommendation or mandate addresses: States parties, the secretariat, the expert meeting, the Conference. */
    public enum Addressee { STATES_PARTIES, SECRETARIAT, EXPERT_MEETING, CONFERENCE }

    public enum Status { ADOPTED, IN_PROGRESS, ONGOING, IMPLEMENTED, SUPERSEDED }

    /** The themes of seed 003 §9. */
    public enum Theme { CUMULATIVE_KNOWLEDGE, CONFIDENCE_AND_TRUST, TECHNICAL_ASSISTANCE }

    /**
     * {@code meetingId} for a meeting's recommendation, or {@code resolution} ("Conference resolution 6/4") for
     * a Conference mandate; {@code adoptedOn} the date of adoption (the meeting's last day when not given).
     */
    public record AdoptRecommendation(@TargetAggregateIdentifier String recommendationId, String meetingId,
                                      String resolution, String paragraph, String text, Addressee addressee,
                                      List<Theme> themes, List<String> articles, LocalDate adoptedOn, String recordedBy,
                                      boolean concernsDirectory) {
    }

    public record RecordFollowUp(@TargetAggregateIdentifier String recommendationId, LocalDate date, String action,
                                 Status status, String recordedBy) {
    }

    public record ReaffirmRecommendation(@TargetAggregateIdentifier String recommendationId, String meetingId,
                                         String paragraph, LocalDate date, String recordedBy) {
    }

    public record SupersedeRecommendation(@TargetAggregateIdentifier String recommendationId, String byRecommendationId,
                                          LocalDate date, String recordedBy) {
    }

    /** {@code concernsDirectory}: its follow-up shows the directory's coverage as at the date asked. */
    public record RecommendationAdopted(String recommendationId, String meetingId, String resolution, String paragraph,
                                        String text, Addressee addressee, List<Theme> themes, List<String> articles,
                                        LocalDate adoptedOn, String recordedBy, boolean concernsDirectory) {
    }

    public record FollowUpRecorded(String recommendationId, LocalDate date, String action, Status status, String recordedBy) {
    }

    public record RecommendationReaffirmed(String recommendationId, String meetingId, String paragraph, LocalDate date,
                                           String recordedBy) {
    }

    public record RecommendationSuperseded(String recommendationId, String byRecommendationId, LocalDate date,
                                           String recordedBy) {
    }
}
