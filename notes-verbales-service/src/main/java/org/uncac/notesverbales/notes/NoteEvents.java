package org.uncac.notesverbales.notes;

import java.time.LocalDate;
import java.util.List;

/** The life of a note verbale. Business dates in the payload; the recording instant is the event timestamp. */
public final class NoteEvents {

    private NoteEvents() {
    }

    public record NoteVerbaleDrafted(String noteId, String reference, String subject, String body,
                                     List<Question> questions, List<String> mandates, List<String> recommendationIds,
                                     boolean allStatesParties, List<String> addressees, LocalDate deadline,
                                     String recordedBy) {
    }

    public record DraftRevised(String noteId, String reference, String subject, String body,
                               List<Question> questions, List<String> mandates, List<String> recommendationIds,
                               boolean allStatesParties, List<String> addressees, LocalDate deadline,
                               String recordedBy) {
    }

    /** Issued on {@code date} to exactly {@code addressees}; carries what other services need to follow it up. */
    public record NoteVerbaleIssued(String noteId, String reference, String subject, LocalDate date,
                                    List<String> addressees, LocalDate deadline, List<String> mandates,
                                    List<String> recommendationIds, String recordedBy) {
    }

    public record ReminderIssued(String noteId, String reminderId, String reference, LocalDate date,
                                 List<String> addressees, String recordedBy) {
    }

    public record DeadlineExtended(String noteId, LocalDate deadline, String recordedBy) {
    }

    public record CollectionClosed(String noteId, LocalDate date, String recordedBy) {
    }
}
