package org.uncac.systemtests;

/** The recommendations contract on the embedded MongoDB-wire server. */
class RecommendationsOnEmbeddedMongoIT extends RecommendationsContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
