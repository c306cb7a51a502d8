package org.uncac.notesverbales.responses;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.uncac.notesverbales.notes.NoteVerbale;
import org.uncac.notesverbales.responses.ResponseCommands.Receipt;
import org.uncac.notesverbales.responses.ResponseCommands.SubmitResponse;
import org.uncac.platform.time.SecretariatTime;

/**
 * Records a response: the note decides whether it admits it (issued, not closed, an addressee, questions it
 * asked), then the State's own response aggregate records it. The note is only read, never changed, so
 * responses from different States never conflict with each other.
 */
@Component
@RequiredArgsConstructor
public class ResponsesCommandHandler {

    private final Repository<NoteVerbale> notes;
    private final Repository<StateResponse> responses;
    private final SecretariatTime time;

    @CommandHandler
    public Receipt handle(SubmitResponse command) throws Exception {
        Aggregate<StateResponse> response = responses.loadOrCreate(
                StateResponse.idOf(command.noteId(), command.stateCode()), StateResponse::new);
        // a retry of a request whose response is recorded already answers as the first did, even after closure
        if (!response.invoke(r -> r.holds(command.responseId()))) {
            notes.load(command.noteId()).execute(note ->
                    note.admitResponse(command.stateCode(), command.receivedOn(), command.answers(), time.today()));
            response.execute(r -> r.receive(command));
        }
        return response.invoke(r -> r.receipt(command.responseId()));
    }
}
