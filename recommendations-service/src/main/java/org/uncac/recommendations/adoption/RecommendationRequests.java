package org.uncac.recommendations.adoption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.uncac.recommendations.adoption.RecommendationModel.Addressee;
import org.uncac.recommendations.adoption.RecommendationModel.Status;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;

import java.time.LocalDate;
import java.util.List;

/** The bodies the secretariat sends to adopt, follow up, reaffirm and supersede recommendations, each bounded. */
public final class RecommendationRequests {

    private RecommendationRequests() {
    }

    /** {@code paragraph}: where the meeting's report or the resolution numbers it; absent when the record does not say. */
    public record AdoptionRequest(@Size(max = 100) String meetingId, @Size(max = 200) String resolution,
                                  @Size(max = 50) String paragraph, @NotBlank @Size(max = 20000) String text,
                                  @NotNull Addressee addressee, @Size(max = 3) List<Theme> themes,
                                  @Size(max = 30) List<@NotBlank @Size(max = 50) String> articles, LocalDate adoptedOn,
                                  Boolean concernsDirectory) {
    }

    public record FollowUpRequest(@NotNull LocalDate date, @NotBlank @Size(max = 20000) String action, @NotNull Status status) {
    }

    public record ReaffirmationRequest(@NotBlank @Size(max = 100) String meetingId, @Size(max = 50) String paragraph,
                                       @NotNull LocalDate date) {
    }

    public record SupersessionRequest(@NotBlank @Size(max = 100) String byRecommendationId, @NotNull LocalDate date) {
    }
}
