package org.uncac.notesverbales.responses;

import org.uncac.platform.eventstore.EventType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A State's response to a note verbale, as stored. */
public final class ResponseEvents {

    private ResponseEvents() {
    }

    /**
     * A response received on {@code receivedOn}. {@code supersedes} names the same State's earlier response
     * to the same note, which stays in the history but no longer counts.
     */
    @EventType(value = "notes-verbales.ResponseReceived",
            formerly = "org.uncac.notesverbales.responses.ResponseMessages$ResponseReceived")
    public record ResponseReceived(String responseId, String noteId, String stateCode, LocalDate receivedOn,
                                   boolean substantive, Map<String, String> answers, String channel,
                                   List<Attachment> attachments, String supersedes, String recordedBy) {
    }
}
