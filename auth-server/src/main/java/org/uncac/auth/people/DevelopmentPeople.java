package org.uncac.auth.people;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.uncac.auth.settings.AuthProperties;

import java.time.Instant;
import java.util.List;

/**
 * The embedded default's people, as printed by run.sh: an officer of the secretariat, a chair and Austria's focal
 * point. Created only with {@code uncac.auth.development-secrets}, never anywhere else, with the development
 * passwords unless {@code UNCAC_OFFICER_PASSWORD}, {@code UNCAC_CHAIRPERSON_PASSWORD} or
 * {@code UNCAC_AUT_FOCAL_POINT_PASSWORD} give others; set again at every start.
 */
@Component
@RequiredArgsConstructor
public class DevelopmentPeople implements ApplicationRunner {

    private final AuthProperties properties;
    private final People people;
    private final PasswordEncoder passwordEncoder;
    private final Environment environment;

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.developmentSecrets()) {
            return;
        }
        put("officer", environment.getProperty("UNCAC_OFFICER_PASSWORD", "officer-secret"), "Secretariat officer", List.of("SECRETARIAT"), null);
        put("chairperson", environment.getProperty("UNCAC_CHAIRPERSON_PASSWORD", "chair-secret"), "Chair of the expert meeting", List.of("CHAIR"), null);
        put("aut-focal-point", environment.getProperty("UNCAC_AUT_FOCAL_POINT_PASSWORD", "aut-secret"), "Focal point of Austria", List.of("STATE"), "AUT");
    }

    private void put(String username, String password, String name, List<String> roles, String state) {
        Person existing = people.find(username).orElse(null);
        people.put(new Person(username, name, null, roles, state, existing == null ? "en" : existing.language(), true,
                passwordEncoder.encode(password), 0, null, Instant.now(), "development"));
    }
}
