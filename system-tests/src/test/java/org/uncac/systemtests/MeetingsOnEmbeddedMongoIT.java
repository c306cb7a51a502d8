package org.uncac.systemtests;

/** The meetings contract on the embedded MongoDB-wire server. */
class MeetingsOnEmbeddedMongoIT extends MeetingsContract {
    @Override
    protected RunningSuite suite() {
        return RunningSuite.onEmbeddedMongo();
    }
}
