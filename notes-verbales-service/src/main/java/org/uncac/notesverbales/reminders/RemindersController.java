package org.uncac.notesverbales.reminders;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.notesverbales.notes.NoteAnswers.ReminderSent;
import org.uncac.notesverbales.notes.NoteCommands.IssueReminder;
import org.uncac.notesverbales.notes.NoteRequests.DateRequest;
import org.uncac.notesverbales.notes.NotesQueries;
import org.uncac.notesverbales.responses.ResponsesQueries;
import org.uncac.platform.security.Caller;
import org.uncac.platform.web.RequestIds;
import reactor.core.publisher.Mono;

import java.util.List;

/** A reminder round: the note verbale sent again, on a date, to the addressees that had not responded by then. */
@RestController
@Tag(name = "Reminders")
@RequestMapping("/api/notes-verbales")
@RequiredArgsConstructor
public class RemindersController {

    private final CommandGateway commands;
    private final NotesQueries notes;
    private final ResponsesQueries responses;

    @Operation(summary = "Send a reminder of a note verbale to the addressees that have not responded")
    @PostMapping("/{id}/reminders")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<ReminderSent>> remind(@PathVariable String id, @Valid @RequestBody DateRequest request,
                                                          ServerWebExchange exchange) {
        String reminderId = RequestIds.newId(exchange, "reminder");
        return notes.existing(id).flatMap(note -> Mono.zip(Caller.current(), responses.nonRespondents(note, request.date(), null)))
                .flatMap(both -> Mono.fromFuture(commands.<List<String>>send(new IssueReminder(id, reminderId,
                        request.date(), both.getT2(), both.getT1().recordedBy()))))
                .map(addressees -> ResponseEntity.status(HttpStatus.CREATED).body(new ReminderSent(reminderId, request.date(), addressees)));
    }
}
