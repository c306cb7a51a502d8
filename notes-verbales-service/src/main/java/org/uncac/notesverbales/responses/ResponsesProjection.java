package org.uncac.notesverbales.responses;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.Documents;
import org.uncac.notesverbales.responses.ResponseMessages.ResponseReceived;

import java.time.Instant;
import java.util.Map;

/**
 * Every response to a note, kept in one document per note (superseded ones too, each with its received date
 * and recording instant), so that a rate as at any date, as recorded by any instant, is one look-up away.
 * Added by response id: replays change nothing.
 */
@Component
@ProcessingGroup(ResponsesProjection.PROCESSING_GROUP)
public class ResponsesProjection {

    public static final String PROCESSING_GROUP = "notes-verbales.responses";
    static final String COLLECTION = "note_responses";

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;

    public ResponsesProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ResponseReceived e, @Timestamp Instant recordedAt) {
        Document response = new Document("responseId", e.responseId()).append("stateCode", e.stateCode())
                .append("receivedOn", e.receivedOn().toString()).append("substantive", e.substantive())
                .append("answers", new Document(Map.copyOf(e.answers())))
                .append("channel", e.channel())
                .append("attachments", Documents.ofAll(objectMapper, e.attachments()))
                .append("supersedes", e.supersedes())
                .append("recordedAt", recordedAt.toString()).append("recordedBy", e.recordedBy());
        mongo.upsert(Query.query(Criteria.where("_id").is(e.noteId())), new Update().addToSet("responses", response),
                COLLECTION).block();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION).block();
    }
}
