package org.uncac.notesverbales.responses;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.uncac.notesverbales.responses.ResponseMessages.ResponseReceived;
import org.uncac.notesverbales.responses.ResponseMessages.SubmitResponse;

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

    public StateResponse() {
    }

    public static String idOf(String noteId, String stateCode) {
        return noteId + "/" + stateCode;
    }

    void receive(SubmitResponse command) {
        apply(new ResponseReceived(command.responseId(), command.noteId(), command.stateCode(), command.receivedOn(),
                command.substantive(), command.answers() == null ? Map.of() : command.answers(), command.channel(),
                command.attachments() == null ? List.of() : command.attachments(), latestResponseId,
                command.recordedBy()));
    }

    @EventSourcingHandler
    void on(ResponseReceived event) {
        id = idOf(event.noteId(), event.stateCode());
        latestResponseId = event.responseId();
    }
}
