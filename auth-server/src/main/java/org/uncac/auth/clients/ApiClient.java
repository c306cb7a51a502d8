package org.uncac.auth.clients;

import java.time.Instant;
import java.util.List;

/** A registered API client: who it is, what it may do, and (for a State's client) which State it acts for. */
public record ApiClient(String clientId, String secretHash, String name, List<String> roles, String state,
                        Instant createdAt, String createdBy) {
}
