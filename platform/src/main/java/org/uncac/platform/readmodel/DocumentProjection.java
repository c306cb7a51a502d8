package org.uncac.platform.readmodel;

import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A projection into MongoDB documents keyed by id: each event handler upserts (so a replay changes nothing), and
 * a reset of its processor drops its collections, which the replay then builds again. The first collection
 * named is the one {@link #upsert(String, Update)} writes to.
 */
public abstract class DocumentProjection {

    protected final ReactiveMongoTemplate mongo;
    private final List<String> collections;

    protected DocumentProjection(ReactiveMongoTemplate mongo, String collection, String... more) {
        this.mongo = mongo;
        this.collections = Stream.concat(Stream.of(collection), Arrays.stream(more)).toList();
    }

    protected void upsert(String id, Update update) {
        upsertIn(collections.get(0), id, update);
    }

    protected void upsertIn(String collection, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, collection).block();
    }

    @ResetHandler
    void reset() {
        collections.forEach(collection -> mongo.dropCollection(collection).block());
        afterReset();
    }

    /** What else a reset clears (a version counter of the read model, say). */
    protected void afterReset() {
    }
}
