package org.uncac.auth;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development clients' secrets exist only where a start asks for them (run.sh, the tests). */
class DefaultClientSecretsTest {

    private MongoServer mongo;
    private String mongoUri;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @BeforeEach
    void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/uncac_auth";
    }

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        mongo.shutdownNow();
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.jmx.enabled=false"));
        all.addAll(List.of(arguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class)
                .run(all.toArray(String[]::new));
        started.add(context);
        return context;
    }

    private static int tokenStatus(ConfigurableApplicationContext context, String client, String secret) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestClient.create("http://localhost:" + port).post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(client, secret))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .body("grant_type=client_credentials").exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void aStartWithoutConfiguredSecretsOutsideTheEmbeddedDefaultFailsNamingWhatToSet() {
        assertThatThrownBy(this::start).hasStackTraceContaining("No secret is configured for the client 'secretariat'")
                .hasStackTraceContaining("UNCAC_SECRETARIAT_SECRET");
    }

    @Test
    void theEmbeddedDefaultGivesTheDevelopmentClientsTheirDevelopmentSecrets() {
        ConfigurableApplicationContext auth = start("--uncac.auth.development-secrets=true");
        assertThat(tokenStatus(auth, "secretariat", "secretariat-secret")).isEqualTo(200);
        assertThat(tokenStatus(auth, "chair", "chair-secret")).isEqualTo(200);
    }

    @Test
    void aConfiguredSecretReplacesTheDevelopmentOne() {
        ConfigurableApplicationContext auth = start("--uncac.auth.development-secrets=true",
                "--UNCAC_SECRETARIAT_SECRET=a-long-configured-secret", "--UNCAC_CHAIR_SECRET=another-configured-secret");
        assertThat(tokenStatus(auth, "secretariat", "a-long-configured-secret")).isEqualTo(200);
        assertThat(tokenStatus(auth, "secretariat", "secretariat-secret")).isEqualTo(401);
    }
}
