package org.uncac.meetings.proceedings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.Documents;
import org.uncac.meetings.proceedings.MeetingEvents.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One document per meeting: what the contract shows, every provisional agenda version, sessions, attendance,
 * the silence procedure and a dated history of everything that happened. Keyed by ids and versions: a replay
 * changes nothing.
 */
@Component
@ProcessingGroup(MeetingsProjection.PROCESSING_GROUP)
public class MeetingsProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "meetings.meetings";
    static final String COLLECTION = "meetings";

    private final ObjectMapper objectMapper;

    public MeetingsProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        super(mongo, COLLECTION);
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(MeetingConvened e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("body", e.body()).set("ordinal", e.ordinal()).set("title", e.title())
                .set("venue", e.venue()).set("start", e.start().toString()).set("end", e.end().toString())
                .set("format", e.format() == null ? null : e.format().name()).set("symbolPrefix", e.symbolPrefix()), id, "CONVENED", null, at, e.recordedBy());
    }

    @EventHandler
    void on(ProvisionalAgendaIssued e, @Timestamp Instant at, @MessageIdentifier String id) {
        Document version = new Document("version", e.version()).append("symbol", e.symbol())
                .append("items", documents(e.items())).append("recordedAt", at.toString());
        upsert(e.meetingId(), new Update().addToSet("agendaVersions", version).set("provisional", version),
                id, "PROVISIONAL_AGENDA_ISSUED", null, at, e.recordedBy());
    }

    @EventHandler
    void on(AgendaAdopted e, @Timestamp Instant at, @MessageIdentifier String id) {
        Update update = new Update().set("agendaAdoptedOn", e.date().toString()).set("agendaAmended", e.amended());
        if (e.amended()) {
            update.set("adoptedItems", documents(e.items()));
        }
        upsert(e.meetingId(), update, id, "AGENDA_ADOPTED", e.date(), at, e.recordedBy());
    }

    @EventHandler
    void on(SessionHeld e, @Timestamp Instant at, @MessageIdentifier String id) {
        Document session = new Document("eventId", id).append("date", e.date().toString())
                .append("chair", e.chair() == null ? null : document(e.chair()));
        upsert(e.meetingId(), new Update().addToSet("sessions", session), id, "SESSION_HELD", e.date(), at, e.recordedBy());
    }

    @EventHandler
    void on(AttendanceRecorded e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("attendance", new Document("statesParties", e.statesParties())
                        .append("regionalOrganizations", e.regionalOrganizations())
                        .append("observers", e.observers().stream().map(this::document).toList())),
                id, "ATTENDANCE_RECORDED", null, at, e.recordedBy());
    }

    @EventHandler
    void on(SilenceProcedureOpened e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("silence", new Document("opened", e.opened().toString())
                .append("deadline", e.deadline().toString()).append("broken", null)), id, "SILENCE_PROCEDURE_OPENED",
                e.opened(), at, e.recordedBy());
    }

    @EventHandler
    void on(SilenceBroken e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("silence.broken", new Document("date", e.date().toString())
                .append("by", e.by()).append("objection", e.objection())), id, "SILENCE_BROKEN", e.date(), at, e.recordedBy());
    }

    @EventHandler
    void on(ReportAdopted e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("report", new Document("adoptedOn", e.date().toString())
                .append("method", e.method().name())), id, "REPORT_ADOPTED", e.date(), at, e.recordedBy());
    }

    @EventHandler
    void on(MeetingCancelled e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.meetingId(), new Update().set("cancelled", new Document("date", e.date().toString())
                .append("reason", e.reason())), id, "CANCELLED", e.date(), at, e.recordedBy());
    }

    private void upsert(String meetingId, Update update, String eventId, String what, LocalDate date, Instant at, String by) {
        update.addToSet("history", new Document("eventId", eventId).append("what", what)
                .append("date", date == null ? null : date.toString()).append("recordedAt", at.toString())
                .append("recordedBy", by));
        upsert(meetingId, update);
    }

    private List<Document> documents(List<?> values) {
        return Documents.ofAll(objectMapper, values);
    }

    private Document document(Object value) {
        return Documents.of(objectMapper, value);
    }
}
