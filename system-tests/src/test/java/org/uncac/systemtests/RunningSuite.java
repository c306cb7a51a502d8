package org.uncac.systemtests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncac.auth.AuthServerApplication;
import org.uncac.directory.DirectoryApplication;
import org.uncac.gateway.GatewayApplication;
import org.uncac.meetings.MeetingsApplication;
import org.uncac.notesverbales.NotesVerbalesApplication;
import org.uncac.recommendations.RecommendationsApplication;
import org.uncac.platform.test.EmbeddedMongo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite as the acceptance suite meets it, in one test JVM: one embedded MongoDB-wire server holding the
 * shared event store, the authorization server, the services under test and the gateway, each an
 * application context of its own on a free port. Since all share one classpath, each context switches off
 * the auto-configurations that belong to the others (Axon and the platform in the gateway and the
 * authorization server, Spring Cloud Gateway in the services).
 */
public final class RunningSuite implements AutoCloseable {

    private static RunningSuite embedded;

    private final AutoCloseable mongo;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final ConfigurableApplicationContext directory;
    private final String gatewayUrl;
    private final String directoryUrl;

    /** The suite on the embedded MongoDB-wire server: one per test JVM, stopped when the JVM ends. */
    public static synchronized RunningSuite onEmbeddedMongo() {
        if (embedded == null) {
            EmbeddedMongo mongo = EmbeddedMongo.start();
            embedded = new RunningSuite(mongo.connectionString(), mongo);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded;
    }

    /** The suite on a MongoDB the caller runs (a Testcontainers replica set, say). */
    public static RunningSuite on(String mongoUri) {
        return new RunningSuite(mongoUri, () -> { });
    }

    private RunningSuite(String uri, AutoCloseable mongo) {
        this.mongo = mongo;
        ConfigurableApplicationContext auth = start(AuthServerApplication.class, WebApplicationType.SERVLET, Map.of(
                "spring.data.mongodb.uri", uri,
                "spring.autoconfigure.exclude", autoConfigurations("org.axonframework", "org.uncac.platform",
                        "org.springframework.cloud.gateway")));
        String authUrl = url(auth);
        String jwks = authUrl + "/oauth2/jwks";
        directory = start(DirectoryApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.data.mongodb.uri", uri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "spring.autoconfigure.exclude", autoConfigurations("org.springframework.cloud.gateway")));
        directoryUrl = url(directory);
        ConfigurableApplicationContext meetings = start(MeetingsApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.data.mongodb.uri", uri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "uncac.meetings.silence-sweep", "PT1S",
                "spring.autoconfigure.exclude", autoConfigurations("org.springframework.cloud.gateway")));
        ConfigurableApplicationContext recommendations = start(RecommendationsApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.data.mongodb.uri", uri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "spring.autoconfigure.exclude", autoConfigurations("org.springframework.cloud.gateway")));
        ConfigurableApplicationContext notes = start(NotesVerbalesApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.data.mongodb.uri", uri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "spring.autoconfigure.exclude", autoConfigurations("org.springframework.cloud.gateway")));
        ConfigurableApplicationContext gateway = start(GatewayApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "uncac.gateway.auth", authUrl,
                "uncac.gateway.directory", directoryUrl,
                "uncac.gateway.notes-verbales", url(notes),
                "uncac.gateway.meetings", url(meetings),
                "uncac.gateway.recommendations", url(recommendations),
                "uncac.gateway.max-body-size", "64KB",
                "uncac.gateway.rate-limit.per-second", "50",
                "spring.autoconfigure.exclude", autoConfigurations("org.axonframework", "org.uncac.platform")));
        gatewayUrl = url(gateway);
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String directoryUrl() {
        return directoryUrl;
    }

    public ConfigurableApplicationContext directory() {
        return directory;
    }

    private ConfigurableApplicationContext start(Class<?> application, WebApplicationType type, Map<String, Object> properties) {
        Map<String, Object> all = new TreeMap<>(properties);
        all.put("server.port", "0");
        all.put("spring.jmx.enabled", "false");
        all.put("management.server.port", "");
        // as command-line arguments, so they outrank each application's own application.yml
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(type).run(args);
        contexts.add(context);
        return context;
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Every auto-configuration on the classpath whose class name starts with one of the prefixes. */
    static String autoConfigurations(String... prefixes) {
        List<String> names = new ArrayList<>();
        try {
            for (URL resource : Collections.list(RunningSuite.class.getClassLoader().getResources(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .filter(line -> java.util.Arrays.stream(prefixes).anyMatch(line::startsWith))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return String.join(",", names);
    }

    @Override
    public synchronized void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException ignored) {
                // stopping anyway
            }
        }
        contexts.clear();
        try {
            mongo.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
