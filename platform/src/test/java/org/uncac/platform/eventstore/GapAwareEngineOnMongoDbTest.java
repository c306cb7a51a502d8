package org.uncac.platform.eventstore;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same engine contract on a real MongoDB replica set, wherever Docker exists (skipped without it). */
@Testcontainers(disabledWithoutDocker = true)
class GapAwareEngineOnMongoDbTest extends GapAwareMongoEventStorageEngineContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Override
    protected String connectionString() {
        return MONGO.getConnectionString();
    }
}
