package org.uncac.platform.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, read from the access token: the client id, its roles and, for a State's client, the one
 * State party it acts for ({@code state} claim, ISO 3166-1 alpha-3).
 */
public record Caller(String clientId, Set<Role> roles, String state) {

    public enum Role { SECRETARIAT, CHAIR, STATE }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** A STATE client may act for its own State only; the secretariat for any. */
    public boolean mayActFor(String stateCode) {
        return is(Role.SECRETARIAT) || (is(Role.STATE) && state != null && state.equals(stateCode));
    }

    /** Fails with 403 unless {@link #mayActFor(String)}. */
    public Caller requireActingFor(String stateCode) {
        if (!mayActFor(stateCode)) {
            throw Problems.forbidden("A client of " + (state == null ? "no State" : state)
                    + " may not act for " + stateCode);
        }
        return this;
    }

    /** A name for the history: "secretariat", "AUT:aut-client" … */
    public String recordedBy() {
        return state == null ? clientId : state + ":" + clientId;
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(Caller::from);
    }

    public static Caller from(JwtAuthenticationToken token) {
        List<String> roles = token.getToken().getClaimAsStringList("roles");
        Set<Role> parsed = roles == null ? Set.of() : roles.stream()
                .filter(r -> Set.of("SECRETARIAT", "CHAIR", "STATE").contains(r))
                .map(Role::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Caller(token.getName(), parsed, token.getToken().getClaimAsString("state"));
    }
}
