package org.uncac.notesverbales.responses;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.notesverbales.notes.NotesQueries;
import org.uncac.notesverbales.responses.ResponseCommands.Receipt;
import org.uncac.notesverbales.responses.ResponseCommands.SubmitResponse;
import org.uncac.notesverbales.responses.ResponseRequests.ResponseRequest;
import org.uncac.notesverbales.responses.ResponsesQueries.ResponseRate;
import org.uncac.notesverbales.responses.ResponsesQueries.ResponseView;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** States' responses to a note verbale, and the response rate as at a date. */
@RestController
@Tag(name = "Responses")
@RequestMapping("/api/notes-verbales/{id}")
@RequiredArgsConstructor
public class ResponsesController {

    private final CommandGateway commands;
    private final NotesQueries notes;
    private final ResponsesQueries queries;
    private final SecretariatTime time;

    @Operation(summary = "Submit a State's response to a note verbale and get its receipt")
    @PostMapping("/responses")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<ResponseEntity<ResponseReceipt>> respond(@PathVariable String id, @Valid @RequestBody ResponseRequest request,
                                                           ServerWebExchange exchange) {
        String responseId = RequestIds.newId(exchange, "response");
        Map<String, String> answers = request.answersAsText();
        List<Attachment> attachments = request.attachmentList();
        return Caller.current().flatMap(caller -> {
            caller.requireActingFor(request.stateCode());
            return Mono.fromFuture(commands.<Receipt>send(new SubmitResponse(responseId, id, request.stateCode(),
                            request.receivedOn(), request.substantive(), answers, request.channel(), attachments,
                            caller.recordedBy())))
                    .map(receipt -> ResponseEntity.created(URI.create("/api/notes-verbales/" + id + "/responses/" + responseId))
                            .body(new ResponseReceipt(responseId, request.stateCode(), request.receivedOn(),
                                    receipt.recordedAt(), caller.recordedBy())));
        });
    }

    @Operation(summary = "A note verbale's response rate as at a date, beside what the secretariat published")
    @GetMapping("/response-rate")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseRate> rate(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return notes.existing(id).flatMap(note -> queries.responseRate(note, time.orToday(asAt), recordedBy));
    }

    /** Every response to the note, superseded ones marked; a State reads only its own. */
    @Operation(summary = "The responses to a note verbale (a State reads only its own)")
    @GetMapping("/responses")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<List<ResponseView>> responses(@PathVariable String id) {
        return Mono.zip(notes.existing(id), Caller.current())
                .flatMap(both -> queries.responseViews(both.getT1(), both.getT2().is(Caller.Role.SECRETARIAT) ? null : both.getT2().state()));
    }

    /** One response, as {@code GET …/responses} shows it; a State reads only its own (another's is not found). */
    @Operation(summary = "One response to a note verbale, as its receipt names it")
    @GetMapping("/responses/{responseId}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<ResponseView> response(@PathVariable String id, @PathVariable String responseId) {
        return responses(id).flatMap(views -> Mono.justOrEmpty(views.stream()
                        .filter(view -> view.responseId().equals(responseId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Response", responseId)));
    }
}
