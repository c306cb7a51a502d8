package org.uncac.auth.clients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.uncac.auth.settings.AuthProperties;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The secretariat registers the API client of a State party (the secret is shown once and stored hashed), lists
 * them, and revokes them.
 */
@RestController
@Tag(name = "API clients")
@RequestMapping("/api/clients")
@RequiredArgsConstructor
public class ClientsController {

    public record RegisterClient(@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be three capital letters (ISO 3166-1 alpha-3)") String stateCode,
                                 @NotBlank @Size(max = 200) String name) {
    }

    public record Registered(String clientId, String clientSecret, String stateCode, String name, List<String> roles) {
    }

    public record Listed(String clientId, String name, List<String> roles, String stateCode, Instant createdAt, String createdBy,
                         Instant revokedAt, String revokedBy) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger log = LoggerFactory.getLogger(ClientsController.class);

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final AuthProperties properties;

    @Operation(summary = "Register an API client (a State's software or the secretariat's) and get its secret once")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public ResponseEntity<Registered> register(@Valid @RequestBody RegisterClient request, Authentication caller) {
        String clientId = request.stateCode().toLowerCase() + "-" + HexFormat.of().formatHex(bytes(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        List<String> roles = List.of("STATE");
        clients.store(new ApiClient(clientId, passwordEncoder.encode(secret), request.name().strip(), roles,
                request.stateCode(), Instant.now(), caller.getName()));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId))
                .body(new Registered(clientId, secret, request.stateCode(), request.name().strip(), roles));
    }

    @Operation(summary = "List the API clients")
    @GetMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public List<Listed> list() {
        return clients.all().stream().map(ClientsController::listed).toList();
    }

    @Operation(summary = "Read one API client")
    @GetMapping("/{clientId}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Listed one(@PathVariable String clientId) {
        return clients.find(clientId).map(ClientsController::listed)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId));
    }

    /**
     * Revokes a client: from now on it gets no token, and within a second the gateway and every service refuse
     * the tokens it already holds (they read the revocation list). The record stays, with who revoked it when.
     * A configured client (the secretariat's, the chair's) is changed in configuration instead: 409.
     */
    @Operation(summary = "Revoke an API client: its tokens are refused within a second")
    @DeleteMapping("/{clientId}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Listed revoke(@PathVariable String clientId, Authentication caller) {
        ApiClient client = clients.find(clientId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId));
        if (properties.defaultClients().stream().anyMatch(configured -> configured.id().equals(clientId))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Client " + clientId + " is configured: change its secret in the configuration instead");
        }
        if (!clients.revoke(clientId, Instant.now(), caller.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Client " + clientId + " was revoked on " + client.revokedAt());
        }
        log.info("client {} revoked by {}", clientId, caller.getName());
        return listed(clients.find(clientId).orElseThrow());
    }

    private static Listed listed(ApiClient c) {
        return new Listed(c.clientId(), c.name(), c.roles(), c.state(), c.createdAt(), c.createdBy(), c.revokedAt(),
                c.revokedBy());
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
