package org.uncac.recommendations.figures;

import org.uncac.platform.domain.Source;

import java.time.LocalDate;

/** A figure the secretariat published, as read back. */
public record FigureView(Counts counts, String what, LocalDate asAt, String asAtKnownTo, long value, Source source,
                         String text) {
}
