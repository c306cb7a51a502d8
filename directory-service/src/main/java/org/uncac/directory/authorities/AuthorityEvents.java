package org.uncac.directory.authorities;

import org.uncac.platform.eventstore.EventType;
import java.time.LocalDate;

/**
 * The history of one authority's entry. {@code effective} is when the change took effect in the world
 * (it may lie in the past); the recording instant is the event's timestamp; {@code recordedBy} and
 * {@code source} (SECRETARIAT or STATE) say who made it.
 */
public final class AuthorityEvents {

    private AuthorityEvents() {
    }

    public enum Source { SECRETARIAT, STATE }

    @EventType(value = "directory.AuthorityDesignated",
            formerly = "org.uncac.directory.authorities.AuthorityEvents$AuthorityDesignated")
    public record AuthorityDesignated(String authorityId, String stateCode, AuthorityType type,
                                      AuthorityDetails details, LocalDate effective, String recordedBy,
                                      Source source) {
    }

    /** The entry's details replaced by a new version, in force from {@code effective}. */
    @EventType(value = "directory.AuthorityUpdated",
            formerly = "org.uncac.directory.authorities.AuthorityEvents$AuthorityUpdated")
    public record AuthorityUpdated(String authorityId, String stateCode, AuthorityType type,
                                   AuthorityDetails details, LocalDate effective, String recordedBy,
                                   Source source) {
    }

    @EventType(value = "directory.AuthorityWithdrawn",
            formerly = "org.uncac.directory.authorities.AuthorityEvents$AuthorityWithdrawn")
    public record AuthorityWithdrawn(String authorityId, String stateCode, AuthorityType type, LocalDate effective,
                                     String reason, String recordedBy, Source source) {
    }
}
