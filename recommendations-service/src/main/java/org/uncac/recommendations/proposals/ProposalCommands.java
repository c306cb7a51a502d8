package org.uncac.recommendations.proposals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Recording a proposal made at a meeting, and its adoption as a recommendation. */
public final class ProposalCommands {

    private ProposalCommands() {
    }

    public record RecordProposal(@TargetAggregateIdentifier String proposalId, String meetingId, List<String> proposedBy,
                                 String text, LocalDate date, String recordedBy) {
    }

    public record MarkProposalAdopted(@TargetAggregateIdentifier String proposalId, String recommendationId,
                                      LocalDate date, String recordedBy) {
    }
}
