package org.uncac.recommendations.figures;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;

/** Recording a figure the secretariat published outside notes verbales and the directory. */
public final class PublishedFigureCommands {

    private PublishedFigureCommands() {
    }

    public record PublishFigure(@TargetAggregateIdentifier String figureId, Counts counts, String what, LocalDate asAt,
                                String asAtKnownTo, long value, Source source, String text, String recordedBy) {
    }
}
