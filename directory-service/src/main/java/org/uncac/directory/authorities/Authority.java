package org.uncac.directory.authorities;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.UpdateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityDesignated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityUpdated;
import org.uncac.directory.authorities.AuthorityEvents.AuthorityWithdrawn;
import org.uncac.directory.authorities.AuthorityEvents.Source;
import org.uncac.platform.domain.Refusal;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One competent national authority's entry: designated, updated, withdrawn, each with an effective date.
 * A State's client may change only its own State's entries; the secretariat any.
 */
@Aggregate(cache = "aggregateCache")
public class Authority {

    @AggregateIdentifier
    private String authorityId;
    private String stateCode;
    private AuthorityType type;
    private LocalDate designatedFrom;
    private LocalDate withdrawnFrom;

    protected Authority() {
    }

    @CommandHandler
    public Authority(DesignateAuthority command) {
        if (command.actingFor() != null && !command.actingFor().equals(command.stateCode())) {
            throw Refusal.forbidden("A client of " + command.actingFor() + " may not designate for " + command.stateCode());
        }
        apply(new AuthorityDesignated(command.authorityId(), command.stateCode(), command.type(), command.details(),
                command.effective(), command.recordedBy(), source(command.actingFor())));
    }

    @CommandHandler
    public void handle(UpdateAuthority command) {
        mayChange(command.actingFor());
        if (withdrawnFrom != null) {
            throw Refusal.conflict("Authority " + authorityId + " was withdrawn with effect from " + withdrawnFrom);
        }
        notBeforeDesignation(command.effective());
        apply(new AuthorityUpdated(authorityId, stateCode, type, command.details(), command.effective(),
                command.recordedBy(), source(command.actingFor())));
    }

    @CommandHandler
    public void handle(WithdrawAuthority command) {
        mayChange(command.actingFor());
        if (withdrawnFrom != null) {
            throw Refusal.conflict("Authority " + authorityId + " is already withdrawn with effect from " + withdrawnFrom);
        }
        notBeforeDesignation(command.effective());
        apply(new AuthorityWithdrawn(authorityId, stateCode, type, command.effective(), command.reason(),
                command.recordedBy(), source(command.actingFor())));
    }

    private void mayChange(String actingFor) {
        if (actingFor != null && !actingFor.equals(stateCode)) {
            throw Refusal.forbidden("A client of " + actingFor + " may not change an authority of " + stateCode);
        }
    }

    private void notBeforeDesignation(LocalDate effective) {
        if (effective.isBefore(designatedFrom)) {
            throw Refusal.refused("effective date " + effective + " is before the designation took effect ("
                    + designatedFrom + ")");
        }
    }

    private static Source source(String actingFor) {
        return actingFor == null ? Source.SECRETARIAT : Source.STATE;
    }

    @EventSourcingHandler
    void on(AuthorityDesignated event) {
        authorityId = event.authorityId();
        stateCode = event.stateCode();
        type = event.type();
        designatedFrom = event.effective();
    }

    @EventSourcingHandler
    void on(AuthorityWithdrawn event) {
        withdrawnFrom = event.effective();
    }
}
