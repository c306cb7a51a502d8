package org.uncac.recommendations.proposals;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.platform.domain.Refusal;
import org.uncac.recommendations.proposals.ProposalCommands.MarkProposalAdopted;
import org.uncac.recommendations.proposals.ProposalCommands.RecordProposal;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalAdopted;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalRecorded;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A proposal made by States at a meeting (seed 004 §49), recorded by the secretariat and later adopted as a
 * recommendation, or not. Adoption records which recommendation it became.
 */
@Aggregate
public class Proposal {

    @AggregateIdentifier
    private String proposalId;
    private LocalDate proposedOn;
    private String adoptedAs;

    protected Proposal() {
    }

    @CommandHandler
    public Proposal(RecordProposal c) {
        apply(new ProposalRecorded(c.proposalId(), c.meetingId(), c.proposedBy(), c.text(), c.date(), c.recordedBy()));
    }

    @CommandHandler
    public void handle(MarkProposalAdopted c) {
        if (adoptedAs != null) {
            throw Refusal.conflict("The proposal was already adopted as recommendation " + adoptedAs);
        }
        if (c.date().isBefore(proposedOn)) {
            throw Refusal.refused("A proposal cannot be adopted (" + c.date() + ") before it was made (" + proposedOn + ")");
        }
        apply(new ProposalAdopted(proposalId, c.recommendationId(), c.date(), c.recordedBy()));
    }

    @EventSourcingHandler
    void on(ProposalRecorded e) {
        proposalId = e.proposalId();
        proposedOn = e.date();
    }

    @EventSourcingHandler
    void on(ProposalAdopted e) {
        adoptedAs = e.recommendationId();
    }
}
