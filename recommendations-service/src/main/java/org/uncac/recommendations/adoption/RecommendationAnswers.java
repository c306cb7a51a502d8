package org.uncac.recommendations.adoption;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uncac.recommendations.adoption.RecommendationModel.Status;

import java.time.LocalDate;

/** What the writes on a recommendation answer, once the change is stored. */
public final class RecommendationAnswers {

    private RecommendationAnswers() {
    }

    /** {@code status}: ADOPTED; {@code proposalId} the proposal it was adopted from, if any. */
    public record Adopted(String id, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String proposalId) {
    }

    public record FollowedUp(String id, LocalDate date, Status status) {
    }

    public record Reaffirmed(String id, LocalDate reaffirmedOn) {
    }

    public record Superseded(String id, LocalDate supersededOn, String supersededBy) {
    }
}
