package org.uncac.directory.parties;

import java.time.LocalDate;

/**
 * The durable facts about States parties. Business dates ({@code partySince}, {@code effective}) are when it
 * happened in the world; the recording instant is the event's own timestamp.
 */
public final class StatePartyEvents {

    private StatePartyEvents() {
    }

    /** A State or REIO became a party on {@code partySince} (ratification, accession, acceptance, approval). */
    public record StatePartyRegistered(String code, String name, PartyKind kind, LocalDate partySince,
                                       RegionalGroup regionalGroup, String recordedBy) {
    }

    /** The party's name changed with effect from {@code effective} (Turkey → Türkiye on 2022-06-01). */
    public record StatePartyRenamed(String code, String name, LocalDate effective, String recordedBy) {
    }
}
