package org.uncac.platform.web;

import org.springframework.web.server.ServerWebExchange;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The identifiers of what a write creates. Under an {@code Idempotency-Key} they are named from the key's scope
 * (caller, path, key) and the purpose, so every run of the same request (a retry that took over a claim whose
 * process died) names the same note, meeting or response and cannot create a second one; without a key they
 * are random.
 */
public final class RequestIds {

    static final String SCOPE = RequestIds.class.getName() + ".scope";

    private RequestIds() {
    }

    public static String newId(ServerWebExchange exchange, String purpose) {
        Object scope = exchange.getAttribute(SCOPE);
        return scope == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((scope + "\n" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
