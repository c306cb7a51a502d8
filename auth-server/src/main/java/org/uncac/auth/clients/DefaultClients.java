package org.uncac.auth.clients;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.uncac.auth.settings.AuthProperties;

import java.time.Instant;

/**
 * Makes the configured default clients exist with their configured secrets at every start; a start without a
 * secret for one of them fails (outside the embedded default, which may use the development secrets).
 */
@Component
@RequiredArgsConstructor
public class DefaultClients implements ApplicationRunner {

    private final AuthProperties properties;
    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    @Override
    public void run(ApplicationArguments args) {
        for (AuthProperties.DefaultClient client : properties.defaultClients()) {
            if (!properties.creates(client)) {
                continue;
            }
            clients.store(new ApiClient(client.id(), passwordEncoder.encode(properties.secretOf(client)), client.name(),
                    client.roles(), client.state(), Instant.now(), "configuration"));
        }
    }
}
