package org.uncac.recommendations.followup;

import org.uncac.platform.eventstore.EventType;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.List;

/** This service's own copies of the notes verbales service's events it follows recommendations with. */
public final class NotesVerbalesEvents {

    private NotesVerbalesEvents() {
    }

    @EventType(value = "notes-verbales.NoteVerbaleIssued",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$NoteVerbaleIssued")
    public record NoteVerbaleIssued(String noteId, String reference, String subject, LocalDate date,
                                    List<String> addressees, List<String> mandates, List<String> recommendationIds,
                                    String dateKnownTo) {
    }

    @EventType(value = "notes-verbales.ResponseFigurePublished",
            formerly = "org.uncac.notesverbales.notes.NoteEvents$ResponseFigurePublished")
    public record ResponseFigurePublished(String noteId, LocalDate asAt, String asAtKnownTo, int value, Source source,
                                          String text) {
    }

    @EventType(value = "notes-verbales.ResponseReceived",
            formerly = "org.uncac.notesverbales.responses.ResponseMessages$ResponseReceived")
    public record ResponseReceived(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                   boolean substantive) {
    }
}
