package org.uncac.systemtests;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on a real MongoDB replica set, wherever Docker exists; skipped cleanly without it. */
@Testcontainers(disabledWithoutDocker = true)
class RecommendationsOnMongoDbIT extends RecommendationsContract {
    @Override
    protected RunningSuite suite() {
        return RealMongo.suite();
    }
}
