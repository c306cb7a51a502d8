package org.uncac.directory.parties;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.directory.parties.StatePartyCommands.ImportStateParty;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRegistered;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRenamed;
import org.uncac.platform.domain.Refusal;

import java.time.LocalDate;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One State party, keyed by its three-letter code: registration and renamings. */
@Aggregate(cache = "aggregateCache")
public class StateParty {

    @AggregateIdentifier
    private String code;
    /** name in force from each effective date on; the registered name has no start */
    private final TreeMap<LocalDate, String> names = new TreeMap<>();
    private String originalName;

    protected StateParty() {
    }

    @CommandHandler
    public StateParty(RegisterStateParty command) {
        register(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImportStateParty command) {
        if (code != null) {
            return;   // already in the directory: a second import changes nothing
        }
        register(command.registration());
        command.renamings().forEach(this::rename);
    }

    @CommandHandler
    public void handle(RenameStateParty command) {
        rename(command);
    }

    private void register(RegisterStateParty command) {
        apply(new StatePartyRegistered(command.code(), command.name(), command.kind(), command.partySince(),
                command.regionalGroup(), command.recordedBy(), command.partySinceKnownTo(), command.signed(),
                command.action()));
    }

    private void rename(RenameStateParty command) {
        if (command.name().equals(nameOn(command.effective()))) {
            throw Refusal.conflict(code + " is already called '" + command.name() + "' on " + command.effective());
        }
        apply(new StatePartyRenamed(code, command.name(), command.effective(), command.recordedBy(),
                command.effectiveKnownTo()));
    }

    private String nameOn(LocalDate date) {
        var entry = names.floorEntry(date);
        return entry == null ? originalName : entry.getValue();
    }

    @EventSourcingHandler
    void on(StatePartyRegistered event) {
        code = event.code();
        originalName = event.name();
    }

    @EventSourcingHandler
    void on(StatePartyRenamed event) {
        names.put(event.effective(), event.name());
    }
}
