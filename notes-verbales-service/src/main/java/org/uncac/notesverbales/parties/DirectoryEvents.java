package org.uncac.notesverbales.parties;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;

/**
 * This service's own copies of the directory's events it reads: only the fields it needs, under the names the
 * directory stores them by; this module does not depend on the directory.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    @EventType(value = "directory.StatePartyRegistered",
            formerly = "org.uncac.directory.parties.StatePartyEvents$StatePartyRegistered")
    public record StatePartyRegistered(String code, String name, LocalDate partySince, String regionalGroup) {
    }

    @EventType(value = "directory.StatePartyRenamed",
            formerly = "org.uncac.directory.parties.StatePartyEvents$StatePartyRenamed")
    public record StatePartyRenamed(String code, String name, LocalDate effective) {
    }
}
