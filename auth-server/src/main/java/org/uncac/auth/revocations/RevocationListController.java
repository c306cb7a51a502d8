package org.uncac.auth.revocations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.uncac.auth.clients.MongoRegisteredClientRepository;
import org.uncac.auth.people.People;

import java.time.Instant;
import java.util.List;
import java.util.ArrayList;

/**
 * The revocation list, open like the signing keys beside it: the gateway and every service read it every half
 * second and refuse the tokens of the clients and people it names.
 */
@RestController
@Tag(name = "Revocations")
@RequiredArgsConstructor
public class RevocationListController {

    public record RevocationList(List<Revoked> revoked) {
    }

    public record Revoked(String clientId, Instant revokedAt) {
    }

    private final MongoRegisteredClientRepository clients;
    private final People people;

    /** Revoked clients and disabled people (a token's subject is either). */
    @Operation(summary = "The revoked clients and disabled people whose tokens are refused")
    @GetMapping("/oauth2/revoked")
    public RevocationList revoked() {
        List<Revoked> revoked = new ArrayList<>(clients.revoked().stream()
                .map(c -> new Revoked(c.clientId(), c.revokedAt())).toList());
        people.disabled().forEach(username -> revoked.add(new Revoked(username, null)));
        return new RevocationList(revoked);
    }
}
