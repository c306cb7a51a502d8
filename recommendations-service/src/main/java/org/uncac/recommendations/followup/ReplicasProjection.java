package org.uncac.recommendations.followup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.recommendations.recommendations.RecommendationsQueries;
import org.uncac.recommendations.followup.OtherServicesEvents.*;

/**
 * This service's own replicas of what it reports on from other services: notes verbales and their responses,
 * meetings, States parties and the authorities in the directory (dates and types only). Never a call.
 */
@Component
@ProcessingGroup(ReplicasProjection.PROCESSING_GROUP)
public class ReplicasProjection {

    public static final String PROCESSING_GROUP = "recommendations.replicas";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelVersions versions;

    public ReplicasProjection(ReactiveMongoTemplate mongo, ReadModelVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    @EventHandler
    void on(NoteVerbaleIssued e) {
        upsert("notes", e.noteId(), new Update().set("reference", e.reference()).set("subject", e.subject())
                .set("date", e.date().toString()).set("addressees", e.addressees().size())
                .set("mandates", e.mandates()).set("recommendationIds", e.recommendationIds()));
    }

    @EventHandler
    void on(ResponseReceived e) {
        upsert("notes", e.noteId(), new Update().addToSet("responses", new Document("responseId", e.responseId())
                .append("stateCode", e.stateCode()).append("receivedOn", e.receivedOn().toString())));
    }

    @EventHandler
    void on(MeetingConvened e) {
        upsert("meetings", e.meetingId(), new Update().set("body", e.body()).set("ordinal", e.ordinal())
                .set("title", e.title()).set("venue", e.venue()).set("start", e.start().toString())
                .set("end", e.end().toString()));
    }

    @EventHandler
    void on(StatePartyRegistered e) {
        upsert("parties", e.code(), new Update().set("partySince", e.partySince().toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @EventHandler
    void on(AuthorityDesignated e) {
        upsert("authorities", e.authorityId(), new Update().set("stateCode", e.stateCode()).set("type", e.type())
                .set("effective", e.effective().toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @EventHandler
    void on(AuthorityWithdrawn e) {
        upsert("authorities", e.authorityId(), new Update().set("withdrawn", e.effective().toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @ResetHandler
    void reset() {
        for (String collection : new String[] {"notes", "meetings", "parties", "authorities"}) {
            mongo.dropCollection(collection).block();
        }
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, collection).block();
    }
}
