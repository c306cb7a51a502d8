package org.uncac.directory.published;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.Map;

/** Recording the directory's coverage as the secretariat published it. */
public final class PublishedCoverageCommands {

    private PublishedCoverageCommands() {
    }

    /** {@code figureId}: the date and the source, so that one printed figure is recorded once. */
    public record PublishCoverage(@TargetAggregateIdentifier String figureId, LocalDate asAt, String asAtKnownTo,
                                  Map<AuthorityType, Integer> byType, Source source, String text, String recordedBy) {
    }

    public static String figureId(LocalDate asAt, Source source) {
        return "coverage " + asAt + " " + source.cite();
    }
}
