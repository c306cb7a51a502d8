package org.uncac.platform.eventstore.naming.consumer;

import org.uncac.platform.eventstore.EventType;

/** Another service's own copy of the directory's event: only what it reads, under the producer's name. */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    @EventType(value = "directory.StatePartyRegistered",
            formerly = "org.uncac.platform.eventstore.naming.earlier.StatePartyEvents$StatePartyRegistered")
    public record PartyJoined(String code) {
    }
}
