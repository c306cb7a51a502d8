package org.uncac.meetings.proceedings;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingRequests.*;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.stream.IntStream;

/** A meeting's agenda: provisional versions issued and adopted by the chair or the secretariat, and their differences. */
@RestController
@Tag(name = "Agendas")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
public class AgendaController {

    private final CommandGateway commands;
    private final MeetingsQueries queries;

    @Operation(summary = "Issue a new version of a meeting's provisional agenda")
    @PutMapping("/{id}/provisional-agenda")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.AgendaIssued> provisionalAgenda(@PathVariable String id, @Valid @RequestBody ProvisionalAgendaRequest request) {
        List<AgendaItem> items = request.items().stream().map(ItemRequest::toItem).toList();
        String symbol = request.symbol() == null || request.symbol().isBlank() ? null : request.symbol().strip();
        List<MeetingsQueries.NumberedTitle> numbered = IntStream.range(0, items.size())
                .mapToObj(i -> new MeetingsQueries.NumberedTitle(i + 1, items.get(i).title())).toList();
        return AsCaller.send(commands, caller -> new IssueProvisionalAgenda(id, symbol, items, caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.AgendaIssued(id, symbol, numbered)));
    }

    @Operation(summary = "Adopt a meeting's agenda, as issued or amended")
    @PostMapping("/{id}/agenda-adoption")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<MeetingAnswers.AgendaAdopted> adoptAgenda(@PathVariable String id, @Valid @RequestBody AgendaAdoptionRequest request) {
        List<AgendaItem> items = request.items() == null ? null : request.items().stream().map(ItemRequest::toItem).toList();
        return AsCaller.send(commands, caller -> new AdoptAgenda(id, request.date(), items, caller.recordedBy()))
                .then(Mono.just(new MeetingAnswers.AgendaAdopted(id, request.date())));
    }

    @Operation(summary = "Every version of a meeting's agenda")
    @GetMapping("/{id}/agenda/versions")
    public Mono<List<MeetingView.AgendaView>> versions(@PathVariable String id) {
        return queries.versions(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    /** Differences between two agenda versions: numbers 1..n of the provisional versions, or "adopted". */
    @Operation(summary = "What changed between two versions of a meeting's agenda")
    @GetMapping("/{id}/agenda/diff")
    public Mono<MeetingsQueries.AgendaDiff> diff(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        return queries.diff(id, from, to).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }
}
