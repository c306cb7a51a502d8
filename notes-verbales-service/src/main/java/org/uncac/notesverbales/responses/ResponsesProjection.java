package org.uncac.notesverbales.responses;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.Documents;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.notesverbales.responses.ResponseEvents.ResponseReceived;

import java.time.Instant;
import java.util.List;

/**
 * Every response to a note, superseded ones too, each in a document of its own ({@link #RESPONSES}, keyed by
 * the response id, with its received date and recording instant), so that no document grows with a State's
 * answers; and per note and State the ids of its responses ({@link #BY_STATE}), so that a rate as at any date,
 * as recorded by any instant, is two {@code $in} look-ups away. Answers are kept as a list of
 * {@code {question, answer}} pairs: a question id never becomes a field name. Upserts by id: replays change
 * nothing.
 */
@Component
@ProcessingGroup(ResponsesProjection.PROCESSING_GROUP)
public class ResponsesProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "notes-verbales.response-documents";
    static final String RESPONSES = "responses";
    static final String BY_STATE = "responses_by_state";

    private final ObjectMapper objectMapper;
    private final ReadModelVersions versions;

    public ResponsesProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, ReadModelVersions versions) {
        super(mongo, RESPONSES, BY_STATE);
        this.objectMapper = objectMapper;
        this.versions = versions;
    }

    @EventHandler
    void on(ResponseReceived e, @Timestamp Instant recordedAt) {
        List<Document> answers = e.answers().entrySet().stream()
                .map(a -> new Document("question", a.getKey()).append("answer", a.getValue())).toList();
        Update response = new Update().set("responseId", e.responseId()).set("noteId", e.noteId())
                .set("stateCode", e.stateCode()).set("receivedOn", e.receivedOn().toString())
                .set("substantive", e.substantive()).set("answers", answers).set("channel", e.channel())
                .set("attachments", Documents.ofAll(objectMapper, e.attachments()))
                .set("supersedes", e.supersedes())
                .set("recordedAt", recordedAt.toString()).set("recordedBy", e.recordedBy());
        upsert(e.responseId(), response);
        upsertIn(BY_STATE, idOf(e.noteId(), e.stateCode()), new Update().addToSet("responseIds", e.responseId()));
        versions.bump(versionKey(e.noteId()));   // after the writes: a rate folded in between is folded again
    }

    /** The change counter of one note's responses, which rates fold once per change. */
    static String versionKey(String noteId) {
        return "responses/" + noteId;
    }

    static String idOf(String noteId, String stateCode) {
        return noteId + "/" + stateCode;
    }

}
