package org.uncac.systemtests;

/** The gateway's per-client rate limit, on the embedded MongoDB-wire server. */
class RateLimitOnEmbeddedMongoIT extends RateLimitContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
