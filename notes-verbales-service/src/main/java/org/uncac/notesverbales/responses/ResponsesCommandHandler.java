package org.uncac.notesverbales.responses;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.uncac.notesverbales.notes.NoteVerbale;
import org.uncac.notesverbales.responses.ResponseMessages.SubmitResponse;

/**
 * Records a response: the note decides whether it admits it (issued, not closed, an addressee, questions it
 * asked), then the State's own response aggregate records it. The note is only read, never changed, so
 * responses from different States never conflict with each other.
 */
@Component
public class ResponsesCommandHandler {

    private final Repository<NoteVerbale> notes;
    private final Repository<StateResponse> responses;

    public ResponsesCommandHandler(Repository<NoteVerbale> notes, Repository<StateResponse> responses) {
        this.notes = notes;
        this.responses = responses;
    }

    @CommandHandler
    public String handle(SubmitResponse command) throws Exception {
        notes.load(command.noteId()).execute(note ->
                note.admitResponse(command.stateCode(), command.receivedOn(), command.answers()));
        responses.loadOrCreate(StateResponse.idOf(command.noteId(), command.stateCode()), StateResponse::new)
                .execute(response -> response.receive(command));
        return command.responseId();
    }
}
