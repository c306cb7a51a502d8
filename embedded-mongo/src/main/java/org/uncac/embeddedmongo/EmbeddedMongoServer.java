package org.uncac.embeddedmongo;

import de.bwaldvogel.mongo.MongoServer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's database: a MongoDB wire-protocol server (mongo-java-server) whose data lives in
 * one H2 MVStore file, so it survives restarts. Not for production: docker-compose.yml runs real MongoDB.
 *
 * <p>Arguments: {@code [file] [port]}, defaults {@code data/uncac-2.mv} and 27017 (or UNCAC_MONGO_FILE and
 * UNCAC_MONGO_PORT). Index keys are ordered by {@link OrderedKeysH2Backend}; a file in another layout is not
 * read.
 */
public final class EmbeddedMongoServer {

    static final String DEFAULT_FILE = "data/uncac-2.mv";

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : env("UNCAC_MONGO_FILE", DEFAULT_FILE);
        int port = Integer.parseInt(args.length > 1 ? args[1] : env("UNCAC_MONGO_PORT", "27017"));
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        Path before = path.resolveSibling("uncac.mv");
        if (Files.exists(before) && !before.equals(path)) {
            System.out.println("note: " + before + " was written with the library's key order and is not read; delete it when done with it");
        }
        MongoServer server = start(path, "127.0.0.1", port);
        System.out.println("embedded MongoDB-wire server listening on mongodb://127.0.0.1:" + port + " (data: " + path + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();   // closes the H2 store cleanly
            System.out.println("embedded MongoDB-wire server stopped");
        }, "embedded-mongo-shutdown"));
        Thread.currentThread().join();
    }

    /** A server on {@code file} (created when missing), listening on {@code host:port} (0: any free port). */
    public static MongoServer start(Path file, String host, int port) {
        MongoServer server = new MongoServer(new OrderedKeysH2Backend(file.toString()));
        server.bind(host, port);
        return server;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
