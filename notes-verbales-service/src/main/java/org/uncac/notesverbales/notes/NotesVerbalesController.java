package org.uncac.notesverbales.notes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.uncac.notesverbales.notes.NoteAnswers.Issued;
import org.uncac.notesverbales.notes.NoteAnswers.FigureRecorded;
import org.uncac.notesverbales.notes.NoteAnswers.Extended;
import org.uncac.notesverbales.notes.NoteAnswers.Closed;
import org.uncac.notesverbales.notes.NoteCommands.CloseCollection;
import org.uncac.notesverbales.notes.NoteCommands.ExtendDeadline;
import org.uncac.notesverbales.notes.NoteCommands.IssueNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.PublishResponseFigure;
import org.uncac.notesverbales.notes.NoteRequests.DateRequest;
import org.uncac.notesverbales.notes.NoteRequests.DeadlineRequest;
import org.uncac.notesverbales.notes.NoteRequests.IssuanceRequest;
import org.uncac.notesverbales.notes.NoteRequests.PublishedFigureRequest;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.domain.Source;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.KnownTo;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Notes verbales: drafted, issued, extended and closed by the secretariat; read by everyone they concern. */
@RestController
@Tag(name = "Notes verbales")
@RequestMapping("/api/notes-verbales")
@RequiredArgsConstructor
public class NotesVerbalesController {

    /** The statuses a list can ask for. */
    public enum NoteStatus { DRAFT, OPEN, CLOSED }

    private final CommandGateway commands;
    private final NotesQueries queries;
    private final PartiesReplica parties;
    private final SecretariatTime time;

    @Operation(summary = "Issue a note verbale on a date to its addressees")
    @PostMapping("/{id}/issuance")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Issued> issue(@PathVariable String id, @Valid @RequestBody IssuanceRequest request) {
        String knownTo = KnownTo.check("date", request.date(), request.dateKnownTo());
        return Mono.zip(Caller.current(), parties.asAt(request.date()))
                .flatMap(both -> Mono.fromFuture(commands.<List<String>>send(new IssueNoteVerbale(id, request.date(), knownTo,
                        both.getT2().stream().map(PartiesReplica.Party::code).toList(), both.getT1().recordedBy()))))
                .map(addressees -> new Issued(addressees, request.date()));
    }

    @Operation(summary = "Extend a note verbale's deadline")
    @PostMapping("/{id}/deadline-extensions")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Extended> extend(@PathVariable String id, @Valid @RequestBody DeadlineRequest request) {
        return AsCaller.send(commands, caller -> new ExtendDeadline(id, request.deadline(), caller.recordedBy()))
                .thenReturn(new Extended(id, request.deadline()));
    }

    @Operation(summary = "Close the collection of responses to a note verbale")
    @PostMapping("/{id}/closure")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Closed> close(@PathVariable String id, @Valid @RequestBody DateRequest request) {
        return AsCaller.send(commands, caller -> new CloseCollection(id, request.date(), caller.recordedBy()))
                .thenReturn(new Closed(id, request.date()));
    }

    /**
     * Records a count of responses the secretariat published ("as at 21 August 2017, 37 Member States had provided
     * responses"), shown beside the computed rate. No per-State record is made from it.
     */
    @Operation(summary = "Record a count of responses the secretariat published")
    @PostMapping("/{id}/published-figures")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<FigureRecorded>> publishFigure(@PathVariable String id,
                                                                   @Valid @RequestBody PublishedFigureRequest request) {
        String knownTo = KnownTo.check("asAt", request.asAt(), request.asAtKnownTo());
        Source source = request.source().stripped();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        return AsCaller.send(commands, caller -> new PublishResponseFigure(id, request.asAt(),
                        knownTo, request.value(), source, text, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/notes-verbales/" + id + "/response-rate?asAt=" + request.asAt()))
                        .body(new FigureRecorded(id, request.asAt(), request.value(), source)));
    }

    /**
     * Every note verbale, newest issue first: {@code from}/{@code to} bound the issue date (then drafts are left
     * out), {@code status} is DRAFT, OPEN or CLOSED, {@code q} searches reference and subject. A State sees only
     * the notes issued to it.
     */
    @Operation(summary = "Notes verbales, newest issue first (a State sees those issued to it)")
    @GetMapping
    public Mono<List<NoteSummary>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) NoteStatus status,
            @RequestParam(required = false) @Size(max = 200) String q) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        return Caller.current().flatMap(caller -> queries.list(from, to, status == null ? null : status.name(), q,
                        caller.is(Caller.Role.STATE) ? caller.state() : null)
                .map(notes -> notes.stream().map(NoteSummary::of).toList()));
    }

    /** Whom ALL_STATES_PARTIES would address on a date: the States parties then, from this service's replica. */
    @Operation(summary = "Whom ALL_STATES_PARTIES addresses on a date")
    @GetMapping("/all-states-parties")
    public Mono<List<PartiesReplica.Party>> allStatesParties(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        return parties.asAt(time.orToday(asAt));
    }

    @Operation(summary = "One note verbale as the caller may see it")
    @GetMapping("/{id}")
    public Mono<NoteView> one(@PathVariable String id) {
        return Mono.zip(queries.existing(id), Caller.current()).map(both -> NoteView.of(both.getT1(), both.getT2()));
    }
}
