package org.uncac.systemtests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncac.auth.AuthServerApplication;
import org.uncac.console.ConsoleApplication;
import org.uncac.directory.DirectoryApplication;
import org.uncac.gateway.GatewayApplication;
import org.uncac.meetings.MeetingsApplication;
import org.uncac.notesverbales.NotesVerbalesApplication;
import org.uncac.recommendations.RecommendationsApplication;
import org.uncac.platform.test.InMemoryMongo;

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
    private final String mongoUri;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final ConfigurableApplicationContext directory;
    private final String gatewayUrl;
    private final String directoryUrl;
    private final String authUrl;
    private final String issuer;
    private final String consoleUrl;
    private final Map<String, String> serviceUrls = new TreeMap<>();

    /** The suite on the embedded MongoDB-wire server: one per test JVM, stopped when the JVM ends. */
    public static synchronized RunningSuite onEmbeddedMongo() {
        if (embedded == null) {
            embedded = onANewEmbeddedServer();
        }
        return embedded;
    }

    private static RunningSuite second;

    /**
     * A second suite on an embedded server of its own, for a test whose data the others must not see (the whole
     * recorded history); one per test JVM, stopped when the JVM ends.
     */
    public static synchronized RunningSuite separate() {
        if (second == null) {
            second = onANewEmbeddedServer();
        }
        return second;
    }

    private static RunningSuite onANewEmbeddedServer() {
        InMemoryMongo mongo = InMemoryMongo.start();
        RunningSuite suite = new RunningSuite(mongo.connectionString(), mongo);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
        return suite;
    }

    /** The suite on a MongoDB the caller runs (a Testcontainers replica set, say). */
    public static RunningSuite on(String mongoUri) {
        return new RunningSuite(mongoUri, () -> { });
    }

    private RunningSuite(String uri, AutoCloseable mongo) {
        this.mongo = mongo;
        this.mongoUri = uri;
        // the gateway's port is chosen first: it is the suite's public URL, the issuer of every token
        int gatewayPort = freePort();
        issuer = "http://localhost:" + gatewayPort;
        ConfigurableApplicationContext auth = start(AuthServerApplication.class, WebApplicationType.SERVLET, Map.of(
                "spring.data.mongodb.uri", uri,
                "uncac.auth.development-secrets", "true",
                "uncac.auth.issuer", issuer,
                // the console's Spring Session is on this classpath too: the auth-server keeps its own sessions
                "spring.autoconfigure.exclude", autoConfigurations("org.axonframework", "org.uncac.platform",
                        "org.springframework.cloud.gateway", "org.springframework.boot.autoconfigure.session")));
        authUrl = url(auth);
        String jwks = authUrl + "/oauth2/jwks";
        directory = start(DirectoryApplication.class, WebApplicationType.REACTIVE, service(uri, jwks, Map.of()));
        directoryUrl = url(directory);
        ConfigurableApplicationContext meetings = start(MeetingsApplication.class, WebApplicationType.REACTIVE,
                service(uri, jwks, Map.of("uncac.meetings.silence-sweep", "PT1S")));
        ConfigurableApplicationContext recommendations = start(RecommendationsApplication.class, WebApplicationType.REACTIVE,
                service(uri, jwks, Map.of()));
        ConfigurableApplicationContext notes = start(NotesVerbalesApplication.class, WebApplicationType.REACTIVE,
                service(uri, jwks, Map.of()));
        ConfigurableApplicationContext console = start(ConsoleApplication.class, WebApplicationType.REACTIVE, Map.of(
                "spring.data.mongodb.uri", uri,
                "uncac.console.gateway", issuer,
                "uncac.console.issuer", issuer,
                "spring.security.oauth2.client.provider.uncac.authorization-uri", issuer + "/oauth2/authorize",
                "spring.security.oauth2.client.provider.uncac.token-uri", issuer + "/oauth2/token",
                "spring.security.oauth2.client.provider.uncac.jwk-set-uri", issuer + "/oauth2/jwks",
                "spring.autoconfigure.exclude", autoConfigurations("org.axonframework", "org.uncac.platform",
                        "org.springframework.cloud.gateway")));
        consoleUrl = url(console);
        Map<String, Object> gatewaySettings = new TreeMap<>(Map.of(
                "server.port", String.valueOf(gatewayPort),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks,
                "uncac.security.issuer", issuer,
                "uncac.gateway.auth", authUrl,
                "uncac.gateway.directory", directoryUrl,
                "uncac.gateway.notes-verbales", url(notes),
                "uncac.gateway.meetings", url(meetings),
                "uncac.gateway.recommendations", url(recommendations),
                "uncac.gateway.console", consoleUrl,
                "uncac.gateway.max-body-size", "64KB"));
        gatewaySettings.put("uncac.gateway.rate-limit.per-second", "50");
        gatewaySettings.put("spring.autoconfigure.exclude", autoConfigurations("org.axonframework", "org.uncac.platform",
                "org.springframework.boot.autoconfigure.mongo", "org.springframework.boot.autoconfigure.data.mongo"));
        ConfigurableApplicationContext gateway = start(GatewayApplication.class, WebApplicationType.REACTIVE, gatewaySettings);
        gatewayUrl = url(gateway);
        serviceUrls.put("directory", directoryUrl);
        serviceUrls.put("notes-verbales", url(notes));
        serviceUrls.put("meetings", url(meetings));
        serviceUrls.put("recommendations", url(recommendations));
    }

    /** A service's settings: the store, the keys, the suite's issuer, and its own. */
    private Map<String, Object> service(String uri, String jwks, Map<String, Object> own) {
        Map<String, Object> settings = new TreeMap<>(own);
        settings.put("spring.data.mongodb.uri", uri);
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwks);
        settings.put("uncac.security.issuer", issuer);
        settings.put("spring.autoconfigure.exclude", autoConfigurations("org.springframework.cloud.gateway"));
        return settings;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The suite's public URL as tokens name it ({@code iss}): the gateway's. */
    public String issuer() {
        return issuer;
    }

    /** The console's own URL (the gateway serves its pages at its root). */
    public String consoleUrl() {
        return consoleUrl;
    }

    /** The MongoDB every process of the suite uses (for tests that look at what is stored). */
    public String mongoUri() {
        return mongoUri;
    }

    /** Every process's own URL by name: the Axon services, the gateway and the authorization server. */
    public Map<String, String> processUrls() {
        Map<String, String> all = new TreeMap<>(serviceUrls);
        all.put("gateway", gatewayUrl);
        all.put("auth", authUrl);
        return all;
    }

    /** Each Axon service's own URL by name (directory, notes-verbales, meetings, recommendations), for operators' endpoints. */
    public Map<String, String> serviceUrls() {
        return Map.copyOf(serviceUrls);
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
        all.putIfAbsent("server.port", "0");
        all.put("spring.jmx.enabled", "false");
        all.put("management.server.port", "");
        // every module has an application.yml at the root of its classpath: read this application's own
        all.put("spring.config.location", ownApplicationYaml(application));
        // as command-line arguments, so they outrank each application's own application.yml
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(type).run(args);
        contexts.add(context);
        return context;
    }

    private static String ownApplicationYaml(Class<?> application) {
        String codeSource = application.getProtectionDomain().getCodeSource().getLocation().toString();
        return codeSource.endsWith(".jar") ? "jar:" + codeSource + "!/application.yml" : codeSource + "application.yml";
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
