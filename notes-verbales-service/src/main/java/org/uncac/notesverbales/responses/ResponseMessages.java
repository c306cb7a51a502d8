package org.uncac.notesverbales.responses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A State's response to a note verbale: the command and the event. */
public final class ResponseMessages {

    private ResponseMessages() {
    }

    /** Metadata of an attached document; the bytes stay outside the event store. */
    public record Attachment(String name, String mediaType, long size, String sha256) {
    }

    public record SubmitResponse(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                 boolean substantive, Map<String, String> answers, String channel,
                                 List<Attachment> attachments, String recordedBy) {
    }

    /**
     * A response received on {@code receivedOn}. {@code supersedes} names the same State's earlier response
     * to the same note, which stays in the history but no longer counts.
     */
    public record ResponseReceived(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                   boolean substantive, Map<String, String> answers, String channel,
                                   List<Attachment> attachments, String supersedes, String recordedBy) {
    }

    /** What the State is told: its response's id and when it was recorded (the stored event's timestamp). */
    public record Receipt(String responseId, Instant recordedAt) {
    }
}
