package org.uncac.directory.parties;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRegistered;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRenamed;
import org.uncac.platform.readmodel.ReadModelVersions;

import java.time.Instant;

/**
 * The States parties read model: one document per party holding every dated name it has had, each with the
 * instant it was recorded, so the list can be answered as at any date and as recorded by any instant.
 * Upserts keyed by code and by event id: a replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(StatePartiesProjection.PROCESSING_GROUP)
public class StatePartiesProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "directory.states-parties";
    static final String COLLECTION = "states_parties";

    static final String VERSION_KEY = "directory.states-parties";

    private final ReadModelVersions versions;

    public StatePartiesProjection(ReactiveMongoTemplate mongo, ReadModelVersions versions) {
        super(mongo, COLLECTION);
        this.versions = versions;
    }

    @EventHandler
    void on(StatePartyRegistered event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        Update update = new Update()
                .set("kind", event.kind().name())
                .set("partySince", event.partySince().toString())
                .set("regionalGroup", event.regionalGroup() == null ? null : event.regionalGroup().name())
                .set("recordedAt", recordedAt.toString())
                .set("recordedBy", event.recordedBy())
                .set("partySinceKnownTo", event.partySinceKnownTo())
                .set("signed", event.signed() == null ? null : event.signed().toString())
                .set("action", event.action())
                .addToSet("names", name(eventId, event.name(), null, recordedAt));
        mongo.upsert(byCode(event.code()), update, COLLECTION).block();
        versions.bump(VERSION_KEY);
    }

    @EventHandler
    void on(StatePartyRenamed event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        Update update = new Update().addToSet("names", name(eventId, event.name(), event.effective().toString(), recordedAt));
        mongo.upsert(byCode(event.code()), update, COLLECTION).block();
        versions.bump(VERSION_KEY);
    }

    @Override
    protected void afterReset() {
        versions.bump(VERSION_KEY);
    }

    private static Query byCode(String code) {
        return Query.query(Criteria.where("_id").is(code));
    }

    private static Document name(String eventId, String name, String effective, Instant recordedAt) {
        return new Document("eventId", eventId).append("name", name).append("effective", effective)
                .append("recordedAt", recordedAt.toString());
    }
}
