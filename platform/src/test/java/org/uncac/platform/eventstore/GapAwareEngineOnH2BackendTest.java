package org.uncac.platform.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.uncac.embeddedmongo.EmbeddedMongoServer;

import java.nio.file.Path;

/** The engine contract on the server ./run.sh ships: mongo-java-server keeping its data in an H2 file. */
class GapAwareEngineOnH2BackendTest extends GapAwareMongoEventStorageEngineContract {

    @TempDir
    static Path directory;

    private static MongoServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(directory.resolve("events.mv"), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @Override
    protected String connectionString() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
