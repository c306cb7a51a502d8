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
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.notesverbales.responses.ResponseMessages.ResponseReceived;

import java.time.Instant;
import java.util.Map;

/**
 * Every response to a note, kept in one document per note and State (superseded ones too, each with its
 * received date and recording instant), so that a rate as at any date, as recorded by any instant, is one
 * {@code $in} look-up of the note's addressees away. One document per State, not per note, so that recording
 * a response costs the same for the 190th State as for the first. Added to a set: replays change nothing.
 *
 * <p>The processing group and the collection carry a new name since the documents were per note
 * ({@code notes-verbales.responses} into {@code note_responses}): a new name starts from an empty token, so
 * an existing store rebuilds this read model by itself on the first start.
 */
@Component
@ProcessingGroup(ResponsesProjection.PROCESSING_GROUP)
public class ResponsesProjection {

    public static final String PROCESSING_GROUP = "notes-verbales.state-responses";
    static final String COLLECTION = "state_responses";

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final ReadModelVersions versions;

    public ResponsesProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, ReadModelVersions versions) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.versions = versions;
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
        mongo.upsert(Query.query(Criteria.where("_id").is(idOf(e.noteId(), e.stateCode()))),
                new Update().addToSet("responses", response),
                COLLECTION).block();
        versions.bump(versionKey(e.noteId()));   // after the write: a rate folded in between is folded again
    }

    /** The change counter of one note's responses, which rates fold once per change. */
    static String versionKey(String noteId) {
        return "responses/" + noteId;
    }

    static String idOf(String noteId, String stateCode) {
        return noteId + "/" + stateCode;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION).block();
    }
}
