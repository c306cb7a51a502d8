package org.uncac.recommendations.figures;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.platform.domain.Source;
import org.uncac.recommendations.figures.PublishedFigureCommands.PublishFigure;
import org.uncac.recommendations.figures.PublishedFigureEvents.FigurePublished;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A figure the secretariat published that belongs to no note verbale and to no directory: the members of the
 * GlobE Network, or another count a progress note gives ("156 States parties reviewed"). Recorded once per
 * date, source and thing counted: the same again is a conflict on the aggregate's first event.
 */
@Aggregate
public class PublishedFigure {

    @AggregateIdentifier
    private String figureId;

    protected PublishedFigure() {
    }

    @CommandHandler
    public PublishedFigure(PublishFigure c) {
        apply(new FigurePublished(c.figureId(), c.counts(), c.what(), c.asAt(), c.asAtKnownTo(), c.value(), c.source(),
                c.text(), c.recordedBy()));
    }

    @EventSourcingHandler
    void on(FigurePublished event) {
        figureId = event.figureId();
    }

    public static String figureId(Counts counts, String what, LocalDate asAt, Source source) {
        return counts + " " + (what == null ? "" : what) + " " + asAt + " " + source.cite();
    }
}
