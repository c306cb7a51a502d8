package org.uncac.recommendations.proposals;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;
import java.util.List;

/** A proposal's life as stored: made by States at a meeting, later adopted as a recommendation. */
public final class ProposalEvents {

    private ProposalEvents() {
    }

    @EventType(value = "recommendations.ProposalRecorded",
            formerly = "org.uncac.recommendations.proposals.Proposal$ProposalRecorded")
    public record ProposalRecorded(String proposalId, String meetingId, List<String> proposedBy, String text,
                                   LocalDate date, String recordedBy) {
    }

    @EventType(value = "recommendations.ProposalAdopted",
            formerly = "org.uncac.recommendations.proposals.Proposal$ProposalAdopted")
    public record ProposalAdopted(String proposalId, String recommendationId, LocalDate date, String recordedBy) {
    }
}
