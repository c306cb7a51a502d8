package org.uncac.recommendations.adoption;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.platform.domain.Refusal;
import org.uncac.recommendations.adoption.RecommendationModel.*;
import org.uncac.recommendations.adoption.RecommendationCommands.*;
import org.uncac.recommendations.adoption.RecommendationEvents.*;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One recommendation of a meeting, or one Conference mandate: adopted, followed up, reaffirmed, superseded. */
@Aggregate(cache = "aggregateCache")
public class Recommendation {

    @AggregateIdentifier
    private String recommendationId;
    private LocalDate adoptedOn;
    private boolean superseded;

    protected Recommendation() {
    }

    @CommandHandler
    public Recommendation(AdoptRecommendation c) {
        if ((c.meetingId() == null) == (c.resolution() == null)) {
            throw Refusal.invalid("meetingId", "give either the meeting that adopted it or the Conference resolution");
        }
        apply(new RecommendationAdopted(c.recommendationId(), c.meetingId(), c.resolution(), c.paragraph(), c.text(),
                c.addressee(), c.themes(), c.articles(), c.adoptedOn(), c.recordedBy(), c.concernsDirectory()));
    }

    @CommandHandler
    public void handle(RecordFollowUp c) {
        notSuperseded();
        notBeforeAdoption(c.date());
        if (c.status() == Status.SUPERSEDED || c.status() == Status.ADOPTED) {
            throw Refusal.invalid("status", "must be IN_PROGRESS, ONGOING or IMPLEMENTED (supersession has its own request)");
        }
        apply(new FollowUpRecorded(recommendationId, c.date(), c.action(), c.status(), c.recordedBy()));
    }

    @CommandHandler
    public void handle(ReaffirmRecommendation c) {
        notSuperseded();
        notBeforeAdoption(c.date());
        apply(new RecommendationReaffirmed(recommendationId, c.meetingId(), c.paragraph(), c.date(), c.recordedBy()));
    }

    @CommandHandler
    public void handle(SupersedeRecommendation c) {
        notSuperseded();
        notBeforeAdoption(c.date());
        if (recommendationId.equals(c.byRecommendationId())) {
            throw Refusal.refused("A recommendation cannot supersede itself");
        }
        apply(new RecommendationSuperseded(recommendationId, c.byRecommendationId(), c.date(), c.recordedBy()));
    }

    private void notSuperseded() {
        if (superseded) {
            throw Refusal.conflict("The recommendation has been superseded");
        }
    }

    private void notBeforeAdoption(LocalDate date) {
        if (adoptedOn != null && date.isBefore(adoptedOn)) {
            throw Refusal.refused(date + " is before the recommendation was adopted (" + adoptedOn + ")");
        }
    }

    @EventSourcingHandler
    void on(RecommendationAdopted e) {
        recommendationId = e.recommendationId();
        adoptedOn = e.adoptedOn();
    }

    @EventSourcingHandler
    void on(RecommendationSuperseded e) {
        superseded = true;
    }
}
