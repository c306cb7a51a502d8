package org.uncac.recommendations.adoption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.recommendations.adoption.RecommendationModel.Addressee;
import org.uncac.recommendations.adoption.RecommendationModel.Status;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;

import java.time.LocalDate;
import java.util.List;

/** What the secretariat asks of a recommendation (or a Conference mandate): adopt, follow up, reaffirm, supersede. */
public final class RecommendationCommands {

    private RecommendationCommands() {
    }

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
}
