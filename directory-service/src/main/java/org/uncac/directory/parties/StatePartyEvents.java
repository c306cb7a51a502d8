package org.uncac.directory.parties;

import org.uncac.platform.eventstore.EventType;
import java.time.LocalDate;

/**
 * The durable facts about States parties. Business dates ({@code partySince}, {@code effective}) are when it
 * happened in the world; the recording instant is the event's own timestamp.
 */
public final class StatePartyEvents {

    private StatePartyEvents() {
    }

    /**
     * A State or REIO became a party on {@code partySince} (ratification, accession, acceptance, approval,
     * succession). {@code partySinceKnownTo} is null when the day is known, else the year ("2015") or month
     * ("2018-04") that is: {@code partySince} is then the last day of that period, so that no count claims a
     * party before it surely was one. {@code signed} and {@code action} may be null.
     */
    @EventType(value = "directory.StatePartyRegistered",
            formerly = "org.uncac.directory.parties.StatePartyEvents$StatePartyRegistered")
    public record StatePartyRegistered(String code, String name, PartyKind kind, LocalDate partySince,
                                       RegionalGroup regionalGroup, String recordedBy, String partySinceKnownTo,
                                       LocalDate signed, String action) {
    }

    /** The party's name changed with effect from {@code effective} (Turkey → Türkiye on 2022-06-01). */
    @EventType(value = "directory.StatePartyRenamed",
            formerly = "org.uncac.directory.parties.StatePartyEvents$StatePartyRenamed")
    public record StatePartyRenamed(String code, String name, LocalDate effective, String recordedBy,
                                    String effectiveKnownTo) {
    }
}
