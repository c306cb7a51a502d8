package org.uncac.recommendations.proposals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.uncac.platform.validation.StateCode;
import org.uncac.recommendations.adoption.RecommendationModel.Addressee;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;

import java.time.LocalDate;
import java.util.List;

/** The bodies the secretariat sends to record a proposal and to adopt it, each bounded. */
public final class ProposalRequests {

    private ProposalRequests() {
    }

    public record ProposalRequest(@NotBlank @Size(max = 100) String meetingId,
                                  @Size(max = 50) List<@StateCode String> proposedBy,
                                  @NotBlank @Size(max = 20000) String text, @NotNull LocalDate date) {
    }

    public record AdoptionRequest(@NotBlank @Size(max = 50) String paragraph, @NotNull Addressee addressee,
                                  @NotNull LocalDate adoptedOn, @Size(max = 3) List<Theme> themes, @Size(max = 20000) String text) {
    }
}
