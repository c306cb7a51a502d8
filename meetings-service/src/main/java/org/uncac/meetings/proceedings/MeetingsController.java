package org.uncac.meetings.proceedings;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.uncac.meetings.proceedings.MeetingCommands.*;
import org.uncac.meetings.proceedings.MeetingModel.AgendaDocument;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Chair;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.meetings.proceedings.MeetingModel.Observer;
import org.uncac.meetings.proceedings.MeetingModel.Panel;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;
import org.uncac.platform.security.Caller;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Meetings: convened by the secretariat; agendas prepared and adopted by the chair or the secretariat. */
@RestController
@RequestMapping("/api/meetings")
public class MeetingsController {

    /** Which meeting holds each ordinal of a body: a unique key, claimed before a meeting is convened. */
    static final String ORDINALS = "meeting_ordinals";

    public record ConveneRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z_]{2,79}", message = "must be an upper-case body name such as EXPERT_MEETING_INTERNATIONAL_COOPERATION") String body,
                                 @NotNull @Positive Integer ordinal, @NotBlank @Size(max = 500) String title,
                                 @NotBlank @Size(max = 200) String venue, @NotNull LocalDate start, @NotNull LocalDate end,
                                 Format format, @Size(max = 100) String symbolPrefix) {
    }

    public record DocumentRequest(@NotBlank @Size(max = 100) String symbol, @Size(max = 500) String title,
                                  @Size(max = 100) String kind, LocalDate issuedOn) {
    }

    public record PanellistRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String affiliation) {
    }

    public record PanelRequest(@NotBlank @Size(max = 500) String topic, @Valid @Size(max = 30) List<PanellistRequest> panellists) {
    }

    public record ItemRequest(@NotBlank @Size(max = 1000) String title, @Size(max = 20000) String annotation,
                              @Size(max = 10) List<@NotBlank @Size(max = 200) String> jointlyWith,
                              @Valid @Size(max = 50) List<DocumentRequest> documents,
                              @Valid @Size(max = 20) List<PanelRequest> panels,
                              @Size(max = 50) List<@NotBlank @Size(max = 100) String> recommendationIds) {
        AgendaItem toItem() {
            return new AgendaItem(title.strip(), annotation, jointlyWith,
                    documents == null ? null : documents.stream().map(d -> new AgendaDocument(d.symbol(), d.title(), d.kind(), d.issuedOn())).toList(),
                    panels == null ? null : panels.stream().map(p -> new Panel(p.topic(), p.panellists() == null ? null
                            : p.panellists().stream().map(x -> new MeetingModel.Panellist(x.name(), x.affiliation())).toList())).toList(),
                    recommendationIds);
        }
    }

    public record ProvisionalAgendaRequest(@Size(max = 100) String symbol,
                                           @NotEmpty @Valid @Size(max = 100) List<ItemRequest> items) {
    }

    public record AgendaAdoptionRequest(@NotNull LocalDate date, @Valid @Size(max = 100) List<ItemRequest> items) {
    }

    public record ReportAdoptionRequest(@NotNull LocalDate date, @NotNull ReportMethod method) {
    }

    public record ChairRequest(@NotBlank @Size(max = 200) String name,
                               @StateCode String stateCode,
                               @Size(max = 300) String role) {
    }

    public record SessionRequest(@NotNull LocalDate date, @Valid @NotNull ChairRequest chair) {
    }

    public record ObserverRequest(@NotBlank @Size(max = 300) String category, @NotBlank @Size(max = 300) String name) {
    }

    public record AttendanceRequest(@Size(max = 250) List<@StateCode String> statesParties,
                                    @Size(max = 50) List<@StateCode String> regionalOrganizations,
                                    @Valid @Size(max = 500) List<ObserverRequest> observers) {
    }

    public record SilenceRequest(@NotNull LocalDate opened, @NotNull LocalDate deadline) {
    }

    public record ObjectionRequest(@NotNull LocalDate date, @NotBlank @Size(max = 200) String by,
                                   @Size(max = 5000) String objection) {
    }

    public record CancellationRequest(@NotNull LocalDate date, @Size(max = 2000) String reason) {
    }

    private final CommandGateway commands;
    private final MeetingsQueries queries;
    private final ReactiveMongoTemplate mongo;

    public MeetingsController(CommandGateway commands, MeetingsQueries queries, ReactiveMongoTemplate mongo) {
        this.commands = commands;
        this.queries = queries;
        this.mongo = mongo;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> convene(@Valid @RequestBody ConveneRequest request,
                                                            ServerWebExchange exchange) {
        if (request.end().isBefore(request.start())) {
            throw Problems.invalid("end", "must not be before start");
        }
        String id = RequestIds.newId(exchange, "meeting");
        String ordinalKey = request.body() + "/" + request.ordinal();
        // one meeting per ordinal and body: claimed with a unique key before the meeting is convened; a claim
        // naming this very meeting is a retry of this request (its id comes from the Idempotency-Key)
        Mono<Boolean> claimedNow = mongo.insert(new Document("_id", ordinalKey).append("meetingId", id), ORDINALS)
                .thenReturn(true)
                .onErrorResume(MeetingsController::isDuplicate, e -> mongo.findOne(Query.query(Criteria.where("_id").is(ordinalKey)),
                                Document.class, ORDINALS)
                        .filter(claim -> id.equals(claim.getString("meetingId"))).map(claim -> false)
                        .switchIfEmpty(Mono.error(() -> Problems.conflict("Meeting " + request.ordinal()
                                + " of " + request.body() + " already exists"))));
        return claimedNow.flatMap(fresh -> AsCaller.send(commands, caller -> new ConveneMeeting(id,
                                request.body(), request.ordinal(), request.title().strip(), request.venue().strip(),
                                request.start(), request.end(), request.format(),
                                request.symbolPrefix() == null || request.symbolPrefix().isBlank() ? null : request.symbolPrefix().strip(),
                                caller.recordedBy()))
                        // the meeting was not convened: free the ordinal this request claimed
                        .onErrorResume(e -> (fresh ? mongo.remove(Query.query(Criteria.where("_id").is(ordinalKey)), ORDINALS)
                                .then() : Mono.<Void>empty()).then(Mono.error(e))))
                .thenReturn(ResponseEntity.created(URI.create("/api/meetings/" + id)).body(Map.of("id", id)));
    }

    @PutMapping("/{id}/provisional-agenda")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> provisionalAgenda(@PathVariable String id, @Valid @RequestBody ProvisionalAgendaRequest request) {
        List<AgendaItem> items = request.items().stream().map(ItemRequest::toItem).toList();
        String symbol = request.symbol() == null || request.symbol().isBlank() ? null : request.symbol().strip();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("symbol", symbol);
        answer.put("items", numbered(items));
        return send(caller -> new IssueProvisionalAgenda(id, symbol, items, caller.recordedBy())).then(Mono.just(answer));
    }

    @PostMapping("/{id}/agenda-adoption")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> adoptAgenda(@PathVariable String id, @Valid @RequestBody AgendaAdoptionRequest request) {
        List<AgendaItem> items = request.items() == null ? null : request.items().stream().map(ItemRequest::toItem).toList();
        return send(caller -> new AdoptAgenda(id, request.date(), items, caller.recordedBy()))
                .then(Mono.just(Map.of("id", id, "adoptedOn", request.date())));
    }

    @PostMapping("/{id}/report-adoption")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> adoptReport(@PathVariable String id, @Valid @RequestBody ReportAdoptionRequest request) {
        return send(caller -> new AdoptReport(id, request.date(), request.method(), caller.recordedBy()))
                .then(Mono.just(Map.of("adoptedOn", request.date(), "method", request.method())));
    }

    @PostMapping("/{id}/silence-procedure")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> openSilence(@PathVariable String id, @Valid @RequestBody SilenceRequest request) {
        return send(caller -> new OpenSilenceProcedure(id, request.opened(), request.deadline(), caller.recordedBy()))
                .then(Mono.just(Map.of("opened", request.opened(), "deadline", request.deadline())));
    }

    @PostMapping("/{id}/silence-procedure/objections")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> breakSilence(@PathVariable String id, @Valid @RequestBody ObjectionRequest request) {
        return send(caller -> new BreakSilence(id, request.date(), request.by().strip(), request.objection(), caller.recordedBy()))
                .then(Mono.just(Map.of("brokenOn", request.date(), "by", request.by().strip())));
    }

    @PostMapping("/{id}/sessions")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<Map<String, Object>> session(@PathVariable String id, @Valid @RequestBody SessionRequest request) {
        Chair chair = new Chair(request.chair().name().strip(), request.chair().stateCode(), request.chair().role());
        return send(caller -> new HoldSession(id, request.date(), chair, caller.recordedBy()))
                .then(Mono.just(Map.of("date", request.date(), "chair", chair)));
    }

    @PutMapping("/{id}/attendance")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> attendance(@PathVariable String id, @Valid @RequestBody AttendanceRequest request) {
        List<String> states = request.statesParties() == null ? List.of() : request.statesParties().stream().distinct().sorted().toList();
        List<String> reios = request.regionalOrganizations() == null ? List.of() : request.regionalOrganizations().stream().distinct().sorted().toList();
        List<Observer> observers = request.observers() == null ? List.of()
                : request.observers().stream().map(o -> new Observer(o.category().strip(), o.name().strip())).toList();
        return send(caller -> new RecordAttendance(id, states, reios, observers, caller.recordedBy()))
                .then(Mono.just(Map.of("statesParties", states.size(), "regionalOrganizations", reios.size(),
                        "observers", observers.size())));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest request) {
        return send(caller -> new CancelMeeting(id, request.date(), request.reason(), caller.recordedBy()))
                .then(Mono.just(Map.of("cancelledOn", request.date())));
    }

    @GetMapping
    public Mono<List<Map<String, Object>>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) MeetingsQueries.Status status) {
        return queries.list(from, to, status);
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> one(@PathVariable String id) {
        return queries.one(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    @GetMapping("/{id}/agenda/versions")
    public Mono<List<Map<String, Object>>> versions(@PathVariable String id) {
        return queries.versions(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    /** Differences between two agenda versions: numbers 1..n of the provisional versions, or "adopted". */
    @GetMapping("/{id}/agenda/diff")
    public Mono<Map<String, Object>> diff(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        return queries.diff(id, from, to).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    @GetMapping("/{id}/history")
    public Mono<List<Object>> history(@PathVariable String id) {
        return queries.history(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Meeting", id)));
    }

    @GetMapping("/attendance/{stateCode}")
    public Mono<List<Map<String, Object>>> attendanceOf(@PathVariable @StateCode String stateCode) {
        return queries.attendanceOf(stateCode);
    }

    static List<Map<String, Object>> numbered(List<AgendaItem> items) {
        return IntStream.range(0, items.size())
                .mapToObj(i -> Map.<String, Object>of("number", i + 1, "title", items.get(i).title())).toList();
    }

    private Mono<Object> send(Function<Caller, Object> command) {
        return AsCaller.send(commands, caller -> command.apply(caller));
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof DuplicateKeyException
                || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
