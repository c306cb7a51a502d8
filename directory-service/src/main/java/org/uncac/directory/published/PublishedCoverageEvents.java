package org.uncac.directory.published;

import org.uncac.directory.authorities.AuthorityType;
import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.Map;

/**
 * Coverage of the directory as the secretariat published it: for each type of authority, how many States
 * parties had one, as at a date, with the document and paragraph that print it. A figure, not per-State records.
 */
public final class PublishedCoverageEvents {

    private PublishedCoverageEvents() {
    }

    @EventType(value = "directory.CoveragePublished",
            formerly = "org.uncac.directory.published.PublishedCoverageMessages$CoveragePublished")
    public record CoveragePublished(String figureId, LocalDate asAt, String asAtKnownTo, Map<AuthorityType, Integer> byType,
                                    Source source, String text, String recordedBy) {
    }
}
