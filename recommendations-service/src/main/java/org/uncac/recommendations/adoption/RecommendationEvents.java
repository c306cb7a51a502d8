package org.uncac.recommendations.adoption;

import org.uncac.platform.eventstore.EventType;
import org.uncac.recommendations.adoption.RecommendationModel.Addressee;
import org.uncac.recommendations.adoption.RecommendationModel.Status;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;

import java.time.LocalDate;
import java.util.List;

/** A recommendation's (or a Conference mandate's) life as stored: adopted, followed up, reaffirmed, superseded. */
public final class RecommendationEvents {

    private RecommendationEvents() {
    }

    /** {@code concernsDirectory}: its follow-up shows the directory's coverage as at the date asked. */
    @EventType(value = "recommendations.RecommendationAdopted",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$RecommendationAdopted")
    public record RecommendationAdopted(String recommendationId, String meetingId, String resolution, String paragraph,
                                        String text, Addressee addressee, List<Theme> themes, List<String> articles,
                                        LocalDate adoptedOn, String recordedBy, boolean concernsDirectory) {
    }

    @EventType(value = "recommendations.FollowUpRecorded",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$FollowUpRecorded")
    public record FollowUpRecorded(String recommendationId, LocalDate date, String action, Status status, String recordedBy) {
    }

    @EventType(value = "recommendations.RecommendationReaffirmed",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$RecommendationReaffirmed")
    public record RecommendationReaffirmed(String recommendationId, String meetingId, String paragraph, LocalDate date,
                                           String recordedBy) {
    }

    @EventType(value = "recommendations.RecommendationSuperseded",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$RecommendationSuperseded")
    public record RecommendationSuperseded(String recommendationId, String byRecommendationId, LocalDate date,
                                           String recordedBy) {
    }
}
