package org.uncac.notesverbales.parties;

import org.uncac.platform.eventstore.ConsumedEvents;

import java.time.LocalDate;
import java.util.Map;

/**
 * This service's own copies of the directory's events it reads: only the fields it needs. The directory's
 * stored type names are mapped to them by {@link #CONSUMED}; this module does not depend on the directory.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    public record StatePartyRegistered(String code, String name, LocalDate partySince, String regionalGroup) {
    }

    public record StatePartyRenamed(String code, String name, LocalDate effective) {
    }

    public static final ConsumedEvents CONSUMED = ConsumedEvents.of(Map.of(
            "org.uncac.directory.parties.StatePartyEvents$StatePartyRegistered", StatePartyRegistered.class,
            "org.uncac.directory.parties.StatePartyEvents$StatePartyRenamed", StatePartyRenamed.class));
}
