package org.uncac.auth.clients;

import java.time.Instant;
import java.util.List;

/**
 * A registered API client: who it is, what it may do, and (for a State's client) which State it acts for.
 * {@code revokedAt} and {@code revokedBy} are set once the secretariat revoked it: it gets no token any more, and
 * the gateway and the services refuse the tokens it still holds.
 */
public record ApiClient(String clientId, String secretHash, String name, List<String> roles, String state,
                        Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {

    public ApiClient(String clientId, String secretHash, String name, List<String> roles, String state,
                     Instant createdAt, String createdBy) {
        this(clientId, secretHash, name, roles, state, createdAt, createdBy, null, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
