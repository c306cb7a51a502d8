package org.uncac.notesverbales.responses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a State (or the secretariat for it) asks of a note verbale's responses, and what it is told back. */
public final class ResponseCommands {

    private ResponseCommands() {
    }

    public record SubmitResponse(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                 boolean substantive, Map<String, String> answers, String channel,
                                 List<Attachment> attachments, String recordedBy) {
    }

    /** What the State is told: its response's id and when it was recorded (the stored event's timestamp). */
    public record Receipt(String responseId, Instant recordedAt) {
    }
}
