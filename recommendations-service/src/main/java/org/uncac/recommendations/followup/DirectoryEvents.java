package org.uncac.recommendations.followup;

import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.Map;

/** This service's own copies of the directory's events: States parties, authorities and published coverage. */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    @EventType(value = "directory.StatePartyRegistered",
            formerly = "org.uncac.directory.parties.StatePartyEvents$StatePartyRegistered")
    public record StatePartyRegistered(String code, LocalDate partySince) {
    }

    @EventType(value = "directory.AuthorityDesignated",
            formerly = "org.uncac.directory.authorities.AuthorityEvents$AuthorityDesignated")
    public record AuthorityDesignated(String authorityId, String stateCode, String type, LocalDate effective) {
    }

    @EventType(value = "directory.AuthorityWithdrawn",
            formerly = "org.uncac.directory.authorities.AuthorityEvents$AuthorityWithdrawn")
    public record AuthorityWithdrawn(String authorityId, String stateCode, String type, LocalDate effective) {
    }

    @EventType(value = "directory.CoveragePublished",
            formerly = "org.uncac.directory.published.PublishedCoverageMessages$CoveragePublished")
    public record CoveragePublished(String figureId, LocalDate asAt, String asAtKnownTo, Map<String, Integer> byType,
                                    Source source, String text) {
    }
}
