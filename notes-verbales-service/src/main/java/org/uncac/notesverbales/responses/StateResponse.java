package org.uncac.notesverbales.responses;

import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.notesverbales.responses.ResponseCommands.Receipt;
import org.uncac.notesverbales.responses.ResponseEvents.ResponseReceived;
import org.uncac.notesverbales.responses.ResponseCommands.SubmitResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The responses of one State to one note verbale (identifier "noteId/stateCode"): a later response
 * supersedes the earlier one. One aggregate per State, so that all States can answer at the same time.
 */
@Aggregate
public class StateResponse {

    @AggregateIdentifier
    private String id;
    private String latestResponseId;
    private final Map<String, Instant> recorded = new HashMap<>();

    public StateResponse() {
    }

    public static String idOf(String noteId, String stateCode) {
        return noteId + "/" + stateCode;
    }

    /** Whether this response (by its id) is recorded already: a retry of the same request, not a new response. */
    boolean holds(String responseId) {
        return recorded.containsKey(responseId);
    }

    void receive(SubmitResponse command) {
        if (holds(command.responseId())) {
            return;
        }
        apply(new ResponseReceived(command.responseId(), command.noteId(), command.stateCode(), command.receivedOn(),
                command.substantive(), command.answers() == null ? Map.of() : command.answers(), command.channel(),
                command.attachments() == null ? List.of() : command.attachments(), latestResponseId,
                command.recordedBy()));
    }

    /** A response and its recording instant, as stored. */
    Receipt receipt(String responseId) {
        return new Receipt(responseId, recorded.get(responseId));
    }

    @EventSourcingHandler
    void on(ResponseReceived event, @Timestamp Instant recordedAt) {
        id = idOf(event.noteId(), event.stateCode());
        latestResponseId = event.responseId();
        recorded.put(event.responseId(), recordedAt);
    }
}
