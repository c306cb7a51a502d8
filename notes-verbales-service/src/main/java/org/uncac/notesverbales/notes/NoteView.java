package org.uncac.notesverbales.notes;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uncac.notesverbales.notes.Note.PublishedFigure;
import org.uncac.platform.security.Caller;

import java.time.LocalDate;
import java.util.List;

/**
 * A note verbale as the caller may see it. {@code status} is as recorded (DRAFT, ISSUED, CLOSED); {@code addressees}
 * the States it was issued to, or while a draft "ALL_STATES_PARTIES" or the States listed. Whom a reminder went to
 * says who had not answered by then, and how many responded is others' standing: a State sees only the reminders
 * sent to itself, addressed to itself alone, and no published figures.
 */
public record NoteView(String id, String reference, String subject, String body, String status, LocalDate deadline,
                       LocalDate issuedOn, String issuedOnKnownTo, LocalDate closedOn, Object addressees,
                       List<Question> questions, List<String> mandates, List<String> recommendationIds,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<PublishedFigure> publishedFigures,
                       List<ReminderView> reminders) {

    public record ReminderView(String reminderId, LocalDate date, List<String> addressees) {
    }

    static NoteView of(Note note, Caller caller) {
        String onlyState = caller.is(Caller.Role.STATE) ? caller.state() : null;
        Object addressees = note.issued() ? note.issuedAddressees()
                : note.allStatesParties() ? "ALL_STATES_PARTIES" : note.draftAddressees();
        List<PublishedFigure> figures = onlyState != null ? null
                : note.publishedFigures().stream().map(Note.RecordedFigure::figure).toList();
        List<ReminderView> reminders = (onlyState == null ? note.reminders() : note.remindersTo(onlyState)).stream()
                .map(r -> new ReminderView(r.reminderId(), r.date(), onlyState == null ? r.addressees() : List.of(onlyState)))
                .toList();
        return new NoteView(note.id(), note.reference(), note.subject(), note.body(), note.recordedStatus(),
                note.deadline(), note.issuedOn(), note.issuedOnKnownTo(), note.closedOn(), addressees, note.questions(),
                note.mandates(), note.recommendationIds(), figures, reminders);
    }
}
