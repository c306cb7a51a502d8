package org.uncac.platform.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.uncac.platform.test.InMemoryMongo;

/** The engine contract on the embedded MongoDB-wire server every developer and CI has. */
class GapAwareEngineOnMongoJavaServerTest extends GapAwareMongoEventStorageEngineContract {

    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Override
    protected String connectionString() {
        return mongo.connectionString();
    }
}
