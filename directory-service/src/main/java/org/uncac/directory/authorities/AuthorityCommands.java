package org.uncac.directory.authorities;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * What the secretariat, or a State for its own State, can ask of an authority's entry. {@code actingFor} is
 * the State a STATE client is bound to (null for the secretariat): the entry decides whether it may.
 */
public final class AuthorityCommands {

    private AuthorityCommands() {
    }

    public record DesignateAuthority(@TargetAggregateIdentifier String authorityId, String stateCode,
                                     AuthorityType type, AuthorityDetails details, LocalDate effective,
                                     String recordedBy, String actingFor) {
    }

    public record UpdateAuthority(@TargetAggregateIdentifier String authorityId, AuthorityDetails details,
                                  LocalDate effective, String recordedBy, String actingFor) {
    }

    public record WithdrawAuthority(@TargetAggregateIdentifier String authorityId, LocalDate effective,
                                    String reason, String recordedBy, String actingFor) {
    }
}
