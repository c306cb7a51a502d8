package org.uncac.directory.published;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.platform.web.Source;

import java.time.LocalDate;
import java.util.Map;

/**
 * Coverage of the directory as the secretariat published it: for each type of authority, how many States
 * parties had one, as at a date, with the document and paragraph that print it. A figure, not per-State records.
 */
public final class PublishedCoverageMessages {

    private PublishedCoverageMessages() {
    }

    /** {@code figureId}: the date and the source, so that one printed figure is recorded once. */
    public record PublishCoverage(@TargetAggregateIdentifier String figureId, LocalDate asAt, String asAtKnownTo,
                                  Map<AuthorityType, Integer> byType, Source source, String text, String recordedBy) {
    }

    public record CoveragePublished(String figureId, LocalDate asAt, String asAtKnownTo, Map<AuthorityType, Integer> byType,
                                    Source source, String text, String recordedBy) {
    }

    public static String figureId(LocalDate asAt, Source source) {
        return "coverage " + asAt + " " + source.cite();
    }
}
