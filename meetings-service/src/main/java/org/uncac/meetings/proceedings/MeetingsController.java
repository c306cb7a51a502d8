package org.uncac.meetings.proceedings;

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
import org.uncac.platform.web.Created;
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingRequests.*;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Meetings: convened and cancelled by the secretariat, read by everyone, each with its history. */
@RestController
@Tag(name = "Meetings")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
public class MeetingsController {

    private final CommandGateway commands;
    private final MeetingsQueries queries;
    private final OrdinalClaims ordinals;

    @Operation(summary = "Convene a meeting of a body")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Created>> convene(@Valid @RequestBody ConveneRequest request,
                                                            ServerWebExchange exchange) {
        if (request.end().isBefore(request.start())) {
            throw Problems.invalid("end", "must not be before start");
        }
        String id = RequestIds.newId(exchange, "meeting");
        String symbolPrefix = request.symbolPrefix() == null || request.symbolPrefix().isBlank() ? null
                : request.symbolPrefix().strip();
        return ordinals.whileClaimed(request.body(), request.ordinal(), id,
                        () -> AsCaller.send(commands, caller -> new ConveneMeeting(id, request.body(), request.ordinal(),
                                request.title().strip(), request.venue().strip(), request.start(), request.end(),
                                request.format(), symbolPrefix, caller.recordedBy())))
                .thenReturn(ResponseEntity.created(URI.create("/api/meetings/" + id)).body(new Created(id)));
    }

    @Operation(summary = "Cancel a meeting")
    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<MeetingAnswers.Cancelled> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest request) {
        return AsCaller.send(commands, caller -> new CancelMeeting(id, request.date(), request.reason(), caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.Cancelled(request.date())));
    }

    @Operation(summary = "Meetings between two dates, by status")
    @GetMapping
    public Mono<List<MeetingView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) MeetingsQueries.Status status) {
        return queries.list(from, to, status);
    }

    @Operation(summary = "One meeting: its status, agenda, sessions, report and attendance")
    @GetMapping("/{id}")
    public Mono<MeetingView> one(@PathVariable String id) {
        return queries.one(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    @Operation(summary = "Every change to a meeting, with when and by whom it was recorded")
    @GetMapping("/{id}/history")
    public Mono<List<MeetingsQueries.HistoryEntry>> history(@PathVariable String id) {
        return queries.history(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }
}
