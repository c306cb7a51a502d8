package org.uncac.notesverbales.notes;

import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.List;

/** The life of a note verbale. Business dates in the payload; the recording instant is the event timestamp. */
public final class NoteEvents {

    private NoteEvents() {
    }

    @EventType(value = "notes-verbales.NoteVerbaleDrafted",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$NoteVerbaleDrafted")
    public record NoteVerbaleDrafted(String noteId, String reference, String subject, String body,
                                     List<Question> questions, List<String> mandates, List<String> recommendationIds,
                                     boolean allStatesParties, List<String> addressees, LocalDate deadline,
                                     String recordedBy) {
    }

    @EventType(value = "notes-verbales.DraftRevised",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$DraftRevised")
    public record DraftRevised(String noteId, String reference, String subject, String body,
                               List<Question> questions, List<String> mandates, List<String> recommendationIds,
                               boolean allStatesParties, List<String> addressees, LocalDate deadline,
                               String recordedBy) {
    }

    /**
     * Issued on {@code date} to exactly {@code addressees}; carries what other services need to follow it up.
     * {@code dateKnownTo} (absent from events recorded before it existed) is the year or month when only that much
     * of the issue date is known, {@code date} then being its last day.
     */
    @EventType(value = "notes-verbales.NoteVerbaleIssued",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$NoteVerbaleIssued")
    public record NoteVerbaleIssued(String noteId, String reference, String subject, LocalDate date,
                                    List<String> addressees, LocalDate deadline, List<String> mandates,
                                    List<String> recommendationIds, String recordedBy, String dateKnownTo) {
    }

    /**
     * The secretariat published that {@code value} States had responded as at {@code asAt} (a figure, not per-State
     * records: the States behind it may be unknown to the suite), printed where {@code source} says.
     */
    @EventType(value = "notes-verbales.ResponseFigurePublished",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$ResponseFigurePublished")
    public record ResponseFigurePublished(String noteId, String reference, LocalDate asAt, String asAtKnownTo, int value,
                                          Source source, String text, String recordedBy) {
    }

    @EventType(value = "notes-verbales.ReminderIssued",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$ReminderIssued")
    public record ReminderIssued(String noteId, String reminderId, String reference, LocalDate date,
                                 List<String> addressees, String recordedBy) {
    }

    @EventType(value = "notes-verbales.DeadlineExtended",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$DeadlineExtended")
    public record DeadlineExtended(String noteId, LocalDate deadline, String recordedBy) {
    }

    @EventType(value = "notes-verbales.CollectionClosed",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$CollectionClosed")
    public record CollectionClosed(String noteId, LocalDate date, String recordedBy) {
    }
}
