package org.uncac.notesverbales.notes;

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
import org.uncac.notesverbales.notes.NoteEvents.CollectionClosed;
import org.uncac.notesverbales.notes.NoteEvents.DeadlineExtended;
import org.uncac.notesverbales.notes.NoteEvents.DraftRevised;
import org.uncac.notesverbales.notes.NoteEvents.NoteVerbaleDrafted;
import org.uncac.notesverbales.notes.NoteEvents.NoteVerbaleIssued;
import org.uncac.notesverbales.notes.NoteEvents.ReminderIssued;
import org.uncac.notesverbales.notes.NoteEvents.ResponseFigurePublished;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One document per note verbale: its content, status, addressees, reminder rounds and deadlines. Idempotent. */
@Component
@ProcessingGroup(NotesProjection.PROCESSING_GROUP)
public class NotesProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "notes-verbales.notes";
    public static final String COLLECTION = "notes";

    private final ObjectMapper objectMapper;

    public NotesProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        super(mongo, COLLECTION);
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(NoteVerbaleDrafted e, @Timestamp Instant recordedAt) {
        upsert(e.noteId(), content(e.reference(), e.subject(), e.body(), e.questions(), e.mandates(),
                e.recommendationIds(), e.allStatesParties(), e.addressees(), e.deadline())
                .set("status", "DRAFT").set("draftedAt", recordedAt.toString()).set("draftedBy", e.recordedBy()));
    }

    @EventHandler
    void on(DraftRevised e) {
        upsert(e.noteId(), content(e.reference(), e.subject(), e.body(), e.questions(), e.mandates(),
                e.recommendationIds(), e.allStatesParties(), e.addressees(), e.deadline()));
    }

    @EventHandler
    void on(NoteVerbaleIssued e, @Timestamp Instant recordedAt) {
        upsert(e.noteId(), new Update().set("status", "ISSUED").set("issuedOn", e.date().toString())
                .set("issuedOnKnownTo", e.dateKnownTo())
                .set("issuedAddressees", e.addressees()).set("issueRecordedAt", recordedAt.toString()));
    }

    @EventHandler
    void on(ResponseFigurePublished e, @Timestamp Instant recordedAt) {
        upsert(e.noteId(), new Update().addToSet("publishedFigures", new Document("asAt", e.asAt().toString())
                .append("asAtKnownTo", e.asAtKnownTo()).append("value", e.value())
                .append("source", new Document("document", e.source().document()).append("paragraph", e.source().paragraph()))
                .append("text", e.text()).append("recordedAt", recordedAt.toString()).append("recordedBy", e.recordedBy())));
    }

    @EventHandler
    void on(ReminderIssued e, @Timestamp Instant recordedAt) {
        upsert(e.noteId(), new Update().addToSet("reminders", new Document("reminderId", e.reminderId())
                .append("date", e.date().toString()).append("addressees", e.addressees())
                .append("recordedAt", recordedAt.toString()).append("recordedBy", e.recordedBy())));
    }

    @EventHandler
    void on(DeadlineExtended e, @Timestamp Instant recordedAt) {
        upsert(e.noteId(), new Update().set("deadline", e.deadline().toString()).addToSet("deadlineExtensions",
                new Document("deadline", e.deadline().toString()).append("recordedAt", recordedAt.toString())));
    }

    @EventHandler
    void on(CollectionClosed e) {
        upsert(e.noteId(), new Update().set("status", "CLOSED").set("closedOn", e.date().toString()));
    }

    private Update content(String reference, String subject, String body, List<Question> questions, List<String> mandates,
                           List<String> recommendationIds, boolean all, List<String> addressees, LocalDate deadline) {
        return new Update().set("reference", reference).set("subject", subject).set("body", body)
                .set("questions", Documents.ofAll(objectMapper, questions))
                .set("mandates", mandates == null ? List.of() : mandates)
                .set("recommendationIds", recommendationIds == null ? List.of() : recommendationIds)
                .set("allStatesParties", all).set("draftAddressees", addressees)
                .set("deadline", deadline == null ? null : deadline.toString());
    }

}
