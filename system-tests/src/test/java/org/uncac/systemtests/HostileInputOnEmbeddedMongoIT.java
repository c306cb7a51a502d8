package org.uncac.systemtests;

/** The hostile-input corpus on the embedded MongoDB-wire server. */
class HostileInputOnEmbeddedMongoIT extends HostileInputContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
