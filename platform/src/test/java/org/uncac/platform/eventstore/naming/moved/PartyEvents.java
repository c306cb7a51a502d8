package org.uncac.platform.eventstore.naming.moved;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;

/** The same event after its record moved to another package and file, now with a stable name. */
public final class PartyEvents {

    private PartyEvents() {
    }

    @EventType(value = "directory.StatePartyRegistered",
            formerly = "org.uncac.platform.eventstore.naming.earlier.StatePartyEvents$StatePartyRegistered")
    public record StatePartyRegistered(String code, String name, LocalDate partySince) {
    }
}
