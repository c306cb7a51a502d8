package org.uncac.auth.people;

import java.time.Instant;
import java.util.List;

/** A person as the API shows them: never the password. */
public record PersonView(String username, String displayName, String email, List<String> roles, String stateCode,
                         String language, boolean enabled, Instant lockedUntil, Instant createdAt, String createdBy) {

    static PersonView of(Person p) {
        return new PersonView(p.username(), p.displayName(), p.email(), p.roles(), p.state(), p.language(), p.enabled(),
                p.lockedUntil(), p.createdAt(), p.createdBy());
    }
}
