package org.uncac.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The notes verbales contract on a real MongoDB replica set, wherever Docker exists; skipped cleanly without it. */
@Testcontainers(disabledWithoutDocker = true)
class NotesVerbalesOnMongoDbIT extends NotesVerbalesContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private RunningSuite suite;

    @Override
    protected RunningSuite suite() {
        suite = RunningSuite.on(MONGO.getReplicaSetUrl("uncac").replace("/uncac", "/"));
        return suite;
    }

    @AfterAll
    void stop() {
        suite.close();
    }
}
