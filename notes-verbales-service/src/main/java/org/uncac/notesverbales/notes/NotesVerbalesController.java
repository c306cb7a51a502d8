package org.uncac.notesverbales.notes;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.platform.commands.AsCaller;
import org.uncac.notesverbales.notes.NoteCommands.CloseCollection;
import org.uncac.notesverbales.notes.NoteCommands.Draft;
import org.uncac.notesverbales.notes.NoteCommands.DraftNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.ExtendDeadline;
import org.uncac.notesverbales.notes.NoteCommands.IssueNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.IssueReminder;
import org.uncac.notesverbales.notes.NoteCommands.PublishResponseFigure;
import org.uncac.notesverbales.notes.NoteCommands.ReviseDraft;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.notesverbales.responses.NotesQueries;
import org.uncac.notesverbales.responses.Attachment;
import org.uncac.notesverbales.responses.ResponseCommands.Receipt;
import org.uncac.notesverbales.responses.ResponseCommands.SubmitResponse;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.KnownTo;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.platform.web.Source;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Notes verbales: drafted and issued by the secretariat, answered by States, followed by response rates. */
@RestController
@RequestMapping("/api/notes-verbales")
public class NotesVerbalesController {

    public record QuestionRequest(@NotBlank @Size(max = 50) String id, @NotBlank @Size(max = 5000) String text,
                                  Question.QuestionType type, @Size(max = 50) List<@NotBlank @Size(max = 500) String> choices) {
    }

    public record DraftRequest(@NotBlank @Size(max = 100) String reference, @NotBlank @Size(max = 1000) String subject,
                               @Size(max = 100_000) String body, @NotNull JsonNode addressees, LocalDate deadline,
                               @Valid @Size(max = 200) List<QuestionRequest> questions,
                               @Size(max = 50) List<@NotBlank @Size(max = 300) String> mandates,
                               @Size(max = 100) List<@NotBlank @Size(max = 100) String> recommendationIds) {
    }

    public record DateRequest(@NotNull LocalDate date) {
    }

    /** {@code dateKnownTo}: "2022-07" when only the month of the issue is known ({@code date} is then its last day). */
    public record IssuanceRequest(@NotNull LocalDate date, @Size(max = 7) String dateKnownTo) {
    }

    /** A count of responses the secretariat published, as at a date, with the document and paragraph printing it. */
    public record PublishedFigureRequest(@NotNull LocalDate asAt, @Size(max = 7) String asAtKnownTo,
                                         @NotNull @PositiveOrZero @Max(1000) Integer value, @NotNull @Valid Source source,
                                         @Size(max = 5000) String text) {
    }

    public record DeadlineRequest(@NotNull LocalDate deadline) {
    }

    public record AttachmentRequest(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 200) String mediaType,
                                    @PositiveOrZero long size,
                                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hexadecimal") String sha256) {
    }

    public record ResponseRequest(@NotBlank @StateCode String stateCode,
                                  @NotNull LocalDate receivedOn, @NotNull Boolean substantive,
                                  @Size(max = 200) Map<@Size(max = 50) String, Object> answers, @Size(max = 100) String channel,
                                  @Valid @Size(max = 50) List<AttachmentRequest> attachments) {
    }

    /** The longest answer a State may give to one question. */
    static final int MAX_ANSWER_LENGTH = 20_000;
    /** More than the States parties there are or will be. */
    static final int MAX_ADDRESSEES = 250;

    private final CommandGateway commands;
    private final NotesQueries queries;
    private final PartiesReplica parties;
    private final SecretariatTime time;

    public NotesVerbalesController(CommandGateway commands, NotesQueries queries, PartiesReplica parties,
                                   SecretariatTime time) {
        this.commands = commands;
        this.queries = queries;
        this.parties = parties;
        this.time = time;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> draft(@Valid @RequestBody DraftRequest request, ServerWebExchange exchange) {
        String id = RequestIds.newId(exchange, "note");
        Draft draft = toDraft(request);
        return AsCaller.send(commands, caller -> new DraftNoteVerbale(id, draft, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/notes-verbales/" + id))
                        .body(Map.of("id", id, "status", "DRAFT")));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        Draft draft = toDraft(request);
        return AsCaller.send(commands, caller -> new ReviseDraft(id, draft, caller.recordedBy()))
                .thenReturn(Map.of("id", id, "status", "DRAFT"));
    }

    @PostMapping("/{id}/issuance")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> issue(@PathVariable String id, @Valid @RequestBody IssuanceRequest request) {
        String knownTo = KnownTo.check("date", request.date(), request.dateKnownTo());
        return Mono.zip(Caller.current(), parties.asAt(request.date()))
                .flatMap(both -> Mono.fromFuture(commands.<List<String>>send(new IssueNoteVerbale(id, request.date(), knownTo,
                        both.getT2().stream().map(PartiesReplica.Party::code).toList(), both.getT1().recordedBy()))))
                .map(addressees -> Map.of("addressees", addressees, "date", request.date()));
    }

    @PostMapping("/{id}/reminders")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> remind(@PathVariable String id, @Valid @RequestBody DateRequest request,
                                                          ServerWebExchange exchange) {
        String reminderId = RequestIds.newId(exchange, "reminder");
        return existing(id).flatMap(note -> Mono.zip(Caller.current(), queries.nonRespondents(note, request.date(), null)))
                .flatMap(both -> Mono.fromFuture(commands.<List<String>>send(new IssueReminder(id, reminderId,
                        request.date(), both.getT2(), both.getT1().recordedBy()))))
                .map(addressees -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reminderId", reminderId,
                        "date", request.date(), "addressees", addressees)));
    }

    @PostMapping("/{id}/deadline-extensions")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> extend(@PathVariable String id, @Valid @RequestBody DeadlineRequest request) {
        return AsCaller.send(commands, caller -> new ExtendDeadline(id, request.deadline(), caller.recordedBy()))
                .thenReturn(Map.of("id", id, "deadline", request.deadline()));
    }

    @PostMapping("/{id}/closure")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> close(@PathVariable String id, @Valid @RequestBody DateRequest request) {
        return AsCaller.send(commands, caller -> new CloseCollection(id, request.date(), caller.recordedBy()))
                .thenReturn(Map.of("id", id, "closedOn", request.date()));
    }

    @PostMapping("/{id}/responses")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<ResponseEntity<Map<String, Object>>> respond(@PathVariable String id, @Valid @RequestBody ResponseRequest request,
                                                           ServerWebExchange exchange) {
        String responseId = RequestIds.newId(exchange, "response");
        Map<String, String> answers = new LinkedHashMap<>();
        if (request.answers() != null) {
            request.answers().forEach((question, answer) -> {
                if (!(answer instanceof String || answer instanceof Number || answer instanceof Boolean)) {
                    throw Problems.invalid("answers." + question, "must be text, a number or true/false");
                }
                if (answer.toString().length() > MAX_ANSWER_LENGTH) {
                    throw Problems.invalid("answers." + question, "must be at most " + MAX_ANSWER_LENGTH + " characters");
                }
                answers.put(question, answer.toString());
            });
        }
        List<Attachment> attachments = request.attachments() == null ? List.of() : request.attachments().stream()
                .map(a -> new Attachment(a.name(), a.mediaType(), a.size(), a.sha256())).toList();
        return Caller.current().flatMap(caller -> {
                    caller.requireActingFor(request.stateCode());
                    return Mono.fromFuture(commands.<Receipt>send(new SubmitResponse(responseId, id, request.stateCode(),
                                    request.receivedOn(), request.substantive(), answers, request.channel(), attachments,
                                    caller.recordedBy())))
                            .map(receipt -> ResponseEntity.created(URI.create("/api/notes-verbales/" + id + "/responses/" + responseId))
                                    .body(Map.<String, Object>of("responseId", responseId, "stateCode", request.stateCode(),
                                            "receivedOn", request.receivedOn(), "recordedAt", receipt.recordedAt(),
                                            "recordedBy", caller.recordedBy())));
                });
    }

    /**
     * Records a count of responses the secretariat published ("as at 21 August 2017, 37 Member States had provided
     * responses"), shown beside the computed rate. No per-State record is made from it.
     */
    @PostMapping("/{id}/published-figures")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> publishFigure(@PathVariable String id,
                                                                   @Valid @RequestBody PublishedFigureRequest request) {
        String knownTo = KnownTo.check("asAt", request.asAt(), request.asAtKnownTo());
        Source source = request.source().stripped();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        return AsCaller.send(commands, caller -> new PublishResponseFigure(id, request.asAt(),
                        knownTo, request.value(), source, text, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/notes-verbales/" + id + "/response-rate?asAt=" + request.asAt()))
                        .body(Map.of("noteId", id, "asAt", request.asAt(), "value", request.value(), "source", source)));
    }

    /**
     * Every note verbale, newest issue first: {@code from}/{@code to} bound the issue date (then drafts are left
     * out), {@code status} is DRAFT, OPEN or CLOSED, {@code q} searches reference and subject. A State sees only
     * the notes issued to it.
     */
    @GetMapping
    public Mono<List<Map<String, Object>>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) NoteStatus status,
            @RequestParam(required = false) @Size(max = 200) String q) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        return Caller.current().flatMap(caller -> queries.list(from, to, status == null ? null : status.name(), q,
                        caller.is(Caller.Role.STATE) ? caller.state() : null)
                .map(notes -> notes.stream().map(NotesVerbalesController::summary).toList()));
    }

    /** The statuses a list can ask for. */
    public enum NoteStatus { DRAFT, OPEN, CLOSED }

    private static Map<String, Object> summary(Document note) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", note.getString("_id"));
        summary.put("reference", note.getString("reference"));
        summary.put("subject", note.getString("subject"));
        summary.put("status", NotesQueries.statusOf(note));
        summary.put("issuedOn", note.getString("issuedOn"));
        summary.put("issuedOnKnownTo", note.getString("issuedOnKnownTo"));
        summary.put("deadline", note.getString("deadline"));
        summary.put("closedOn", note.getString("closedOn"));
        summary.put("addressees", note.getString("issuedOn") == null ? null : note.getList("issuedAddressees", String.class).size());
        summary.put("mandates", note.get("mandates"));
        return summary;
    }

    /** Whom ALL_STATES_PARTIES would address on a date: the States parties then, from this service's replica. */
    @GetMapping("/all-states-parties")
    public Mono<List<PartiesReplica.Party>> allStatesParties(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        return parties.asAt(time.orToday(asAt));
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> one(@PathVariable String id) {
        return Mono.zip(existing(id), Caller.current()).map(both -> view(both.getT1(), both.getT2()));
    }

    @GetMapping("/{id}/response-rate")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<NotesQueries.ResponseRate> rate(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return existing(id).flatMap(note -> queries.responseRate(note, time.orToday(asAt), recordedBy));
    }

    @GetMapping("/{id}/responses")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<List<NotesQueries.ResponseView>> responses(@PathVariable String id) {
        return Mono.zip(existing(id), Caller.current())
                .flatMap(both -> queries.responseViews(both.getT1(), both.getT2().is(Caller.Role.SECRETARIAT) ? null : both.getT2().state()));
    }

    /** One response, as {@code GET …/responses} shows it; a State reads only its own (another's is not found). */
    @GetMapping("/{id}/responses/{responseId}")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<NotesQueries.ResponseView> response(@PathVariable String id, @PathVariable String responseId) {
        return responses(id).flatMap(views -> Mono.justOrEmpty(views.stream()
                        .filter(view -> view.responseId().equals(responseId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Response", responseId)));
    }

    private Mono<Document> existing(String id) {
        return queries.note(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Note verbale", id)));
    }

    private static Draft toDraft(DraftRequest request) {
        List<String> addressees;
        JsonNode node = request.addressees();
        if (node.isTextual() && node.asText().equals("ALL_STATES_PARTIES")) {
            addressees = null;
        } else if (node.isArray() && node.size() > MAX_ADDRESSEES) {
            throw Problems.invalid("addressees", "must list at most " + MAX_ADDRESSEES + " States");
        } else if (node.isArray() && !node.isEmpty()) {
            addressees = new ArrayList<>();
            for (JsonNode code : node) {
                if (!code.isTextual() || !code.asText().matches(StateCode.REGEX)) {
                    throw Problems.invalid("addressees", "must be \"ALL_STATES_PARTIES\" or a list of three-letter State codes");
                }
                addressees.add(code.asText());
            }
            addressees = List.copyOf(new TreeSet<>(addressees));
        } else {
            throw Problems.invalid("addressees", "must be \"ALL_STATES_PARTIES\" or a non-empty list of State codes");
        }
        List<Question> questions = request.questions() == null ? List.of() : request.questions().stream()
                .map(q -> new Question(q.id(), q.text(), q.type(), q.choices())).toList();
        Set<String> ids = new HashSet<>();
        for (Question q : questions) {
            if (!ids.add(q.id())) {
                throw Problems.invalid("questions", "question id '" + q.id() + "' is used twice");
            }
        }
        return new Draft(request.reference().strip(), request.subject().strip(), request.body(), questions,
                request.mandates(), request.recommendationIds(), addressees, request.deadline());
    }

    /**
     * The note as the caller may see it. Whom a reminder went to says who had not answered by then: a State sees
     * only the reminders sent to itself, addressed to itself alone.
     */
    private static Map<String, Object> view(Document note, Caller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", note.getString("_id"));
        for (String field : List.of("reference", "subject", "body", "status", "deadline", "issuedOn", "issuedOnKnownTo", "closedOn")) {
            view.put(field, note.get(field));
        }
        view.put("addressees", note.getString("issuedOn") != null ? note.get("issuedAddressees")
                : Boolean.TRUE.equals(note.getBoolean("allStatesParties")) ? "ALL_STATES_PARTIES" : note.get("draftAddressees"));
        view.put("questions", note.get("questions"));
        view.put("mandates", note.get("mandates"));
        view.put("recommendationIds", note.get("recommendationIds"));
        String onlyState = caller.is(Caller.Role.STATE) ? caller.state() : null;
        if (onlyState == null) {   // how many States responded is others' standing: not for a State
            view.put("publishedFigures", note.getList("publishedFigures", Document.class, List.of()).stream()
                    .map(NotesQueries::figure).toList());
        }
        view.put("reminders", note.getList("reminders", Document.class, List.of()).stream()
                .filter(r -> onlyState == null || r.getList("addressees", String.class).contains(onlyState))
                .map(r -> Map.of("reminderId", r.get("reminderId"), "date", r.get("date"),
                        "addressees", onlyState == null ? r.get("addressees") : List.of(onlyState)))
                .toList());
        return view;
    }
}
