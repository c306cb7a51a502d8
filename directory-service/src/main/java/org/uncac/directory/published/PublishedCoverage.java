package org.uncac.directory.published;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.directory.published.PublishedCoverageEvents.CoveragePublished;
import org.uncac.directory.published.PublishedCoverageCommands.PublishCoverage;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One published coverage figure. It is recorded once: publishing the same date from the same source again is a
 * conflict (the event store's unique key on the aggregate's first event), not a second figure.
 */
@Aggregate
public class PublishedCoverage {

    @AggregateIdentifier
    private String figureId;

    protected PublishedCoverage() {
    }

    @CommandHandler
    public PublishedCoverage(PublishCoverage command) {
        apply(new CoveragePublished(command.figureId(), command.asAt(), command.asAtKnownTo(), command.byType(),
                command.source(), command.text(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(CoveragePublished event) {
        figureId = event.figureId();
    }
}
