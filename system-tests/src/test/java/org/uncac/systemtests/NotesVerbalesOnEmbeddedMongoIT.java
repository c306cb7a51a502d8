package org.uncac.systemtests;

/** The notes verbales contract on the embedded MongoDB-wire server. */
class NotesVerbalesOnEmbeddedMongoIT extends NotesVerbalesContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
