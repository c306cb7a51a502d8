package org.uncac.systemtests;

import org.testcontainers.containers.MongoDBContainer;

/**
 * One real MongoDB replica set (Testcontainers) and one suite on it, shared by every {@code *OnMongoDbIT}
 * class of the test JVM. Only touched by classes marked {@code @Testcontainers(disabledWithoutDocker = true)},
 * so without Docker nothing here runs.
 */
final class RealMongo {

    private static RunningSuite suite;

    private RealMongo() {
    }

    static synchronized RunningSuite suite() {
        if (suite == null) {
            MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
            mongo.start();
            suite = RunningSuite.on(mongo.getReplicaSetUrl("uncac").replace("/uncac", "/"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.close();
                mongo.stop();
            }));
        }
        return suite;
    }
}
