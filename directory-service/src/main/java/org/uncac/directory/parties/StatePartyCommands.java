package org.uncac.directory.parties;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What the secretariat can ask of the list of States parties. */
public final class StatePartyCommands {

    private StatePartyCommands() {
    }

    public record RegisterStateParty(@TargetAggregateIdentifier String code, String name, PartyKind kind,
                                     LocalDate partySince, RegionalGroup regionalGroup, String recordedBy) {
    }

    public record RenameStateParty(@TargetAggregateIdentifier String code, String name, LocalDate effective,
                                   String recordedBy) {
    }
}
