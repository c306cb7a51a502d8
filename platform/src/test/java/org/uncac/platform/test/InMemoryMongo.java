package org.uncac.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * A real MongoDB wire-protocol server (mongo-java-server, in memory) on a free loopback port, for tests.
 * Tests talk to it through the ordinary MongoDB drivers, exactly as the services talk to MongoDB.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private InMemoryMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    public static InMemoryMongo start() {
        return new InMemoryMongo();
    }

    /** {@code mongodb://127.0.0.1:port} without a database. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
