package org.uncac.platform.eventstore.naming.earlier;

import java.time.LocalDate;

/** Where a producer's event record lived in an earlier release, stored then under its class name. */
public final class StatePartyEvents {

    private StatePartyEvents() {
    }

    public record StatePartyRegistered(String code, String name, LocalDate partySince) {
    }
}
