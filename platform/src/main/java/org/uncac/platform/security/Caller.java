package org.uncac.platform.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.uncac.platform.web.Problems;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, read from the access token: the client id, its roles and, for a State's client, the one
 * State party it acts for ({@code state} claim, ISO 3166-1 alpha-3).
 */
public record Caller(String clientId, Set<Role> roles, String state) {

    /** OPERATOR: runs the suite (operations endpoints only), no business role. */
    public enum Role { SECRETARIAT, CHAIR, STATE, OPERATOR }

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

    /**
     * The State the caller acts for: {@code null} for the secretariat, which acts for any; a STATE caller's own
     * State; anyone else acts for no State (403).
     */
    public String actingFor() {
        if (is(Role.SECRETARIAT)) {
            return null;
        }
        if (is(Role.STATE)) {
            return state;
        }
        throw Problems.forbidden("Only the secretariat or a State's client may do this");
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
        return new Caller(token.getName(), Set.copyOf(roles(token.getToken())), stateOf(token.getToken()));
    }

    /**
     * The roles a token grants. STATE only with a valid {@code state} claim: a State's client that does not say
     * which State it acts for acts for none (and is never taken for the secretariat).
     */
    public static List<Role> roles(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList("roles");
        if (claimed == null) {
            return List.of();
        }
        boolean stateNamed = stateOf(jwt) != null;
        return claimed.stream().filter(KNOWN_ROLES::contains).map(Role::valueOf)
                .filter(role -> role != Role.STATE || stateNamed).distinct().toList();
    }

    private static String stateOf(Jwt jwt) {
        String state = jwt.getClaimAsString("state");
        return state != null && STATE_CODE.matcher(state).matches() ? state : null;
    }

    private static final Set<String> KNOWN_ROLES = Set.of("SECRETARIAT", "CHAIR", "STATE", "OPERATOR");
    private static final Pattern STATE_CODE = Pattern.compile(StateCode.REGEX);
}
