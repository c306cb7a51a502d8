package org.uncac.notesverbales.notes;

import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.List;

/** What the secretariat's writes on a note verbale answer, once the change is stored. */
public final class NoteAnswers {

    private NoteAnswers() {
    }

    /** {@code status}: DRAFT. */
    public record Drafted(String id, String status) {
    }

    /** The States it was issued to: every State party on the date, for ALL_STATES_PARTIES. */
    public record Issued(List<String> addressees, LocalDate date) {
    }

    public record Extended(String id, LocalDate deadline) {
    }

    public record Closed(String id, LocalDate closedOn) {
    }

    public record FigureRecorded(String noteId, LocalDate asAt, int value, Source source) {
    }

    /** The addressees that had not responded on the reminder's date, to whom it went. */
    public record ReminderSent(String reminderId, LocalDate date, List<String> addressees) {
    }
}
