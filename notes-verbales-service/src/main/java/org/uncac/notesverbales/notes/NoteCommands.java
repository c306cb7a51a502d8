package org.uncac.notesverbales.notes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.List;

/** What the secretariat can ask of a note verbale. */
public final class NoteCommands {

    private NoteCommands() {
    }

    /** The content of a draft. {@code addressees} null means ALL_STATES_PARTIES. */
    public record Draft(String reference, String subject, String body, List<Question> questions, List<String> mandates,
                        List<String> recommendationIds, List<String> addressees, LocalDate deadline) {
    }

    public record DraftNoteVerbale(@TargetAggregateIdentifier String noteId, Draft draft, String recordedBy) {
    }

    public record ReviseDraft(@TargetAggregateIdentifier String noteId, Draft draft, String recordedBy) {
    }

    /**
     * {@code partiesOnDate}: the States parties on the issue date, for ALL_STATES_PARTIES; {@code dateKnownTo}: the
     * year or month when the record knows only that much of the issue date (then {@code date} is its last day).
     */
    public record IssueNoteVerbale(@TargetAggregateIdentifier String noteId, LocalDate date, String dateKnownTo,
                                   List<String> partiesOnDate, String recordedBy) {
    }

    /** A count of responses the secretariat published for this note, as at a date, with where it was printed. */
    public record PublishResponseFigure(@TargetAggregateIdentifier String noteId, LocalDate asAt, String asAtKnownTo,
                                        int value, Source source, String text, String recordedBy) {
    }

    /** {@code withoutResponse}: the addressees with no response received on or before {@code date}. */
    public record IssueReminder(@TargetAggregateIdentifier String noteId, String reminderId, LocalDate date,
                                List<String> withoutResponse, String recordedBy) {
    }

    public record ExtendDeadline(@TargetAggregateIdentifier String noteId, LocalDate deadline, String recordedBy) {
    }

    public record CloseCollection(@TargetAggregateIdentifier String noteId, LocalDate date, String recordedBy) {
    }
}
