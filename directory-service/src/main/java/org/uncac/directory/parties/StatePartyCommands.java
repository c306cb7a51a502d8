package org.uncac.directory.parties;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** What the secretariat can ask of the list of States parties. */
public final class StatePartyCommands {

    private StatePartyCommands() {
    }

    public record RegisterStateParty(@TargetAggregateIdentifier String code, String name, PartyKind kind,
                                     LocalDate partySince, RegionalGroup regionalGroup, String recordedBy,
                                     String partySinceKnownTo, LocalDate signed, String action) {
        public RegisterStateParty(String code, String name, PartyKind kind, LocalDate partySince,
                                  RegionalGroup regionalGroup, String recordedBy) {
            this(code, name, kind, partySince, regionalGroup, recordedBy, null, null, null);
        }
    }

    public record RenameStateParty(@TargetAggregateIdentifier String code, String name, LocalDate effective,
                                   String recordedBy, String effectiveKnownTo) {
        public RenameStateParty(String code, String name, LocalDate effective, String recordedBy) {
            this(code, name, effective, recordedBy, null);
        }
    }

    /**
     * Brings one party of the reference list into the directory: registers it with its first name and records
     * its later names. Changes nothing for a party that is already registered, so importing twice is harmless.
     */
    public record ImportStateParty(@TargetAggregateIdentifier String code, RegisterStateParty registration,
                                   List<RenameStateParty> renamings) {
    }
}
