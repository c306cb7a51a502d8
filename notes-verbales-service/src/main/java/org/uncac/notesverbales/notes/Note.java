package org.uncac.notesverbales.notes;

import org.bson.Document;
import org.uncac.notesverbales.notes.Question.QuestionType;
import org.uncac.platform.domain.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A note verbale as {@link NotesProjection} keeps it, read back from its document in one place ({@link #of}).
 * {@code recordedStatus} is DRAFT, ISSUED or CLOSED as recorded; {@link #status()} what lists call it.
 */
public record Note(String id, String reference, String subject, String body, String recordedStatus,
                   List<Question> questions, List<String> mandates, List<String> recommendationIds,
                   boolean allStatesParties, List<String> draftAddressees, LocalDate deadline, LocalDate issuedOn,
                   String issuedOnKnownTo, List<String> issuedAddressees, Instant issueRecordedAt, LocalDate closedOn,
                   List<RecordedFigure> publishedFigures, List<Reminder> reminders) {

    /** A count of responses as the secretariat published it, with where it is printed. */
    public record PublishedFigure(LocalDate asAt, String asAtKnownTo, int value, Source source, String text) {
    }

    /** A published figure with when and by whom it was recorded. */
    public record RecordedFigure(PublishedFigure figure, Instant recordedAt, String recordedBy) {
    }

    public record Reminder(String reminderId, LocalDate date, List<String> addressees, Instant recordedAt) {
    }

    static Note of(Document d) {
        return new Note(d.getString("_id"), d.getString("reference"), d.getString("subject"), d.getString("body"),
                d.getString("status"),
                d.getList("questions", Document.class, List.of()).stream().map(Note::question).toList(),
                d.getList("mandates", String.class, List.of()), d.getList("recommendationIds", String.class, List.of()),
                Boolean.TRUE.equals(d.getBoolean("allStatesParties")), d.getList("draftAddressees", String.class),
                date(d.getString("deadline")), date(d.getString("issuedOn")), d.getString("issuedOnKnownTo"),
                d.getList("issuedAddressees", String.class, List.of()), instant(d.getString("issueRecordedAt")),
                date(d.getString("closedOn")),
                d.getList("publishedFigures", Document.class, List.of()).stream().map(Note::figure).toList(),
                d.getList("reminders", Document.class, List.of()).stream().map(Note::reminder).toList());
    }

    /** DRAFT, OPEN (issued, collecting responses) or CLOSED. */
    public String status() {
        return recordedStatus == null ? "DRAFT" : recordedStatus.equals("ISSUED") ? "OPEN" : recordedStatus;
    }

    public boolean issued() {
        return issuedOn != null;
    }

    /** The addressees as at the date: none before the note was issued (or recorded as issued). */
    public List<String> addresseesAsAt(LocalDate asAt, Instant recordedBy) {
        if (issuedOn == null || issuedOn.isAfter(asAt) || recordedBy != null && issueRecordedAt.isAfter(recordedBy)) {
            return List.of();
        }
        return issuedAddressees;
    }

    /** Open on the day: issued by then, its collection not closed yet. */
    public boolean openOn(LocalDate day) {
        return issuedOn != null && !issuedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    /** The latest figure published on or before {@code asAt} (as recorded by {@code recordedBy}), or null. */
    public PublishedFigure publishedAsAt(LocalDate asAt, Instant recordedBy) {
        return publishedFigures.stream()
                .filter(f -> !f.figure().asAt().isAfter(asAt))
                .filter(f -> recordedBy == null || !f.recordedAt().isAfter(recordedBy))
                .max(Comparator.comparing((RecordedFigure f) -> f.figure().asAt()).thenComparing(RecordedFigure::recordedAt))
                .map(RecordedFigure::figure).orElse(null);
    }

    public List<Reminder> remindersTo(String stateCode) {
        return reminders.stream().filter(r -> r.addressees().contains(stateCode)).toList();
    }

    private static Question question(Document q) {
        String type = q.getString("type");
        return new Question(q.getString("id"), q.getString("text"), type == null ? null : QuestionType.valueOf(type),
                q.getList("choices", String.class));
    }

    private static RecordedFigure figure(Document f) {
        Document source = f.get("source", Document.class);
        return new RecordedFigure(new PublishedFigure(LocalDate.parse(f.getString("asAt")), f.getString("asAtKnownTo"),
                f.getInteger("value"), new Source(source.getString("document"), source.getString("paragraph")),
                f.getString("text")), instant(f.getString("recordedAt")), f.getString("recordedBy"));
    }

    private static Reminder reminder(Document r) {
        return new Reminder(r.getString("reminderId"), LocalDate.parse(r.getString("date")),
                r.getList("addressees", String.class), instant(r.getString("recordedAt")));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
