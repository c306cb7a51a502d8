package org.uncac.notesverbales.notes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.notesverbales.notes.NoteAnswers.Drafted;
import org.uncac.notesverbales.notes.NoteCommands.Draft;
import org.uncac.notesverbales.notes.NoteCommands.DraftNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.ReviseDraft;
import org.uncac.notesverbales.notes.NoteRequests.DraftRequest;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.web.RequestIds;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Drafts of notes verbales: written and revised by the secretariat until they are issued. */
@RestController
@Tag(name = "Notes verbales")
@RequestMapping("/api/notes-verbales")
@RequiredArgsConstructor
public class DraftsController {

    private final CommandGateway commands;

    @Operation(summary = "Draft a note verbale")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Drafted>> draft(@Valid @RequestBody DraftRequest request, ServerWebExchange exchange) {
        String id = RequestIds.newId(exchange, "note");
        Draft draft = request.toDraft();
        return AsCaller.send(commands, caller -> new DraftNoteVerbale(id, draft, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/notes-verbales/" + id))
                        .body(new Drafted(id, "DRAFT")));
    }

    @Operation(summary = "Revise a draft note verbale")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Drafted> revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        Draft draft = request.toDraft();
        return AsCaller.send(commands, caller -> new ReviseDraft(id, draft, caller.recordedBy()))
                .thenReturn(new Drafted(id, "DRAFT"));
    }
}
