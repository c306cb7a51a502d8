package org.uncac.embeddedmongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's database: a MongoDB wire-protocol server (mongo-java-server) whose data lives in
 * one H2 MVStore file, so it survives restarts. Not for production: docker-compose.yml runs real MongoDB.
 *
 * <p>Arguments: {@code [file] [port]}, defaults {@code data/uncac.mv} and 27017 (or UNCAC_MONGO_FILE and
 * UNCAC_MONGO_PORT).
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : env("UNCAC_MONGO_FILE", "data/uncac.mv");
        int port = Integer.parseInt(args.length > 1 ? args[1] : env("UNCAC_MONGO_PORT", "27017"));
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        H2Backend backend = new H2Backend(path.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("embedded MongoDB-wire server listening on mongodb://127.0.0.1:" + port + " (data: " + path + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();   // closes the H2 store cleanly
            System.out.println("embedded MongoDB-wire server stopped");
        }, "embedded-mongo-shutdown"));
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
