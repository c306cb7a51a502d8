package org.uncac.systemtests;

/** The States parties contract on the embedded MongoDB-wire server (every machine, CI included). */
class StatesPartiesOnEmbeddedMongoIT extends StatesPartiesContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
