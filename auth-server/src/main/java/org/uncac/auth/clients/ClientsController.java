package org.uncac.auth.clients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The secretariat registers the API client of a State party; the secret is shown once and stored hashed. */
@RestController
@RequestMapping("/api/clients")
public class ClientsController {

    public record RegisterClient(@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be three capital letters (ISO 3166-1 alpha-3)") String stateCode,
                                 @NotBlank @Size(max = 200) String name) {
    }

    public record Registered(String clientId, String clientSecret, String stateCode, String name, List<String> roles) {
    }

    public record Listed(String clientId, String name, List<String> roles, String stateCode, Instant createdAt, String createdBy) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    public ClientsController(MongoRegisteredClientRepository clients, PasswordEncoder passwordEncoder) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

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

    @GetMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public List<Listed> list() {
        return clients.all().stream().map(c -> new Listed(c.clientId(), c.name(), c.roles(), c.state(),
                c.createdAt(), c.createdBy())).toList();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
