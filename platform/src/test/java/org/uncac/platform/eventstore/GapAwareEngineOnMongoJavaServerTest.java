package org.uncac.platform.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.uncac.platform.test.EmbeddedMongo;

/** The engine contract on the embedded MongoDB-wire server every developer and CI has. */
class GapAwareEngineOnMongoJavaServerTest extends GapAwareMongoEventStorageEngineContract {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start();
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
