package org.uncac.auth.people;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Signing in with a username and password: the person as Spring Security checks them (disabled, locked), and
 * the count of failed sign-ins that locks an account. Every sign-in and every failure is logged with the username
 * and address, never the password.
 */
@Component
@RequiredArgsConstructor
public class SignIns implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final People people;

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = people.find(username).orElseThrow(() -> new UsernameNotFoundException("no such person"));
        return User.withUsername(person.username()).password(person.passwordHash())
                .authorities(person.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                .disabled(!person.enabled()).accountLocked(person.lockedAt(Instant.now())).build();
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn && signIn.getPrincipal() instanceof UserDetails) {
            people.signedIn(signIn.getName());
            log.info("sign-in of {} from {}", printable(signIn.getName()), address(signIn.getDetails()));
        }
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn)) {
            return;
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            people.failedSignIn(signIn.getName(), Instant.now());
        }
        log.warn("failed sign-in of {} from {}: {}", printable(signIn.getName()), address(signIn.getDetails()),
                event.getException().getClass().getSimpleName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
    }

    private static String printable(String username) {
        String line = username.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
