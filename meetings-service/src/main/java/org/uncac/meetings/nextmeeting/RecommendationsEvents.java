package org.uncac.meetings.nextmeeting;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;

/** This service's own copies of the recommendations service's events: only the fields it reads. */
public final class RecommendationsEvents {

    private RecommendationsEvents() {
    }

    @EventType(value = "recommendations.RecommendationAdopted",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$RecommendationAdopted")
    public record RecommendationAdopted(String recommendationId, String meetingId, String resolution, String paragraph,
                                        String text, String addressee) {
    }

    @EventType(value = "recommendations.FollowUpRecorded",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$FollowUpRecorded")
    public record FollowUpRecorded(String recommendationId, LocalDate date, String status) {
    }

    @EventType(value = "recommendations.RecommendationSuperseded",
            formerly = "org.uncac.recommendations.recommendations.RecommendationMessages$RecommendationSuperseded")
    public record RecommendationSuperseded(String recommendationId) {
    }
}
