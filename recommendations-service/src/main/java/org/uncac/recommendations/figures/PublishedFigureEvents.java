package org.uncac.recommendations.figures;

import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;

/** A figure the secretariat published, as stored. */
public final class PublishedFigureEvents {

    private PublishedFigureEvents() {
    }

    @EventType(value = "recommendations.FigurePublished",
            formerly = "org.uncac.recommendations.figures.PublishedFigure$FigurePublished")
    public record FigurePublished(String figureId, Counts counts, String what, LocalDate asAt, String asAtKnownTo,
                                  long value, Source source, String text, String recordedBy) {
    }
}
