package org.uncac.systemtests;

/** The directory contract on the embedded MongoDB-wire server. */
class AuthoritiesOnEmbeddedMongoIT extends AuthoritiesContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
