package org.uncac.auth.people;

import java.time.Instant;
import java.util.List;

/**
 * A person who signs in to the console: a secretariat officer, a chair, or a State's focal point (then
 * {@code state} is the State they act for). The password is kept only as a hash; five failed sign-ins lock the
 * account for fifteen minutes ({@code lockedUntil}).
 */
public record Person(String username, String displayName, String email, List<String> roles, String state,
                     String language, boolean enabled, String passwordHash, int failedSignIns, Instant lockedUntil,
                     Instant createdAt, String createdBy) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
