package org.uncac.recommendations.adoption;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.recommendations.adoption.RecommendationModel.*;
import org.uncac.recommendations.adoption.RecommendationCommands.*;
import org.uncac.recommendations.adoption.RecommendationEvents.*;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recommendations and mandates: adopted, followed up, reaffirmed and superseded by the secretariat. */
@RestController
@RequestMapping("/api/recommendations")
public class RecommendationsController {

    /** {@code paragraph}: where the meeting's report or the resolution numbers it; absent when the record does not say. */
    public record AdoptionRequest(@Size(max = 100) String meetingId, @Size(max = 200) String resolution,
                                  @Size(max = 50) String paragraph, @NotBlank @Size(max = 20000) String text,
                                  @NotNull Addressee addressee, @Size(max = 3) List<Theme> themes,
                                  @Size(max = 30) List<@NotBlank @Size(max = 50) String> articles, LocalDate adoptedOn,
                                  Boolean concernsDirectory) {
    }

    public record FollowUpRequest(@NotNull LocalDate date, @NotBlank @Size(max = 20000) String action, @NotNull Status status) {
    }

    public record ReaffirmationRequest(@NotBlank @Size(max = 100) String meetingId, @Size(max = 50) String paragraph,
                                       @NotNull LocalDate date) {
    }

    public record SupersessionRequest(@NotBlank @Size(max = 100) String byRecommendationId, @NotNull LocalDate date) {
    }

    private final CommandGateway commands;
    private final RecommendationsQueries queries;

    private final SecretariatTime time;

    public RecommendationsController(CommandGateway commands, RecommendationsQueries queries, SecretariatTime time) {
        this.commands = commands;
        this.queries = queries;
        this.time = time;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> adopt(@Valid @RequestBody AdoptionRequest request, ServerWebExchange exchange) {
        if ((request.meetingId() == null || request.meetingId().isBlank()) == (request.resolution() == null || request.resolution().isBlank())) {
            throw Problems.invalid("meetingId", "give either meetingId (a meeting's recommendation) or resolution (a Conference mandate)");
        }
        String id = RequestIds.newId(exchange, "recommendation");
        return AsCaller.send(commands, caller -> new AdoptRecommendation(id,
                        blankToNull(request.meetingId()), blankToNull(request.resolution()), blankToNull(request.paragraph()),
                        request.text().strip(), request.addressee(), request.themes(), request.articles(), request.adoptedOn(),
                        caller.recordedBy(), Boolean.TRUE.equals(request.concernsDirectory())))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/" + id)).body(Map.of("id", id, "status", "ADOPTED")));
    }

    @PostMapping("/{id}/follow-up")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> followUp(@PathVariable String id, @Valid @RequestBody FollowUpRequest request) {
        return AsCaller.send(commands, caller -> new RecordFollowUp(id, request.date(),
                        request.action().strip(), request.status(), caller.recordedBy()))
                .thenReturn(ResponseEntity.status(201).body(Map.of("id", id, "date", request.date(), "status", request.status())));
    }

    @PostMapping("/{id}/reaffirmation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> reaffirm(@PathVariable String id, @Valid @RequestBody ReaffirmationRequest request) {
        return AsCaller.send(commands, caller -> new ReaffirmRecommendation(id,
                        request.meetingId(), request.paragraph(), request.date(), caller.recordedBy()))
                .thenReturn(Map.of("id", id, "reaffirmedOn", request.date()));
    }

    @PostMapping("/{id}/supersession")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Map<String, Object>> supersede(@PathVariable String id, @Valid @RequestBody SupersessionRequest request) {
        return AsCaller.send(commands, caller -> new SupersedeRecommendation(id,
                        request.byRecommendationId(), request.date(), caller.recordedBy()))
                .thenReturn(Map.of("id", id, "supersededOn", request.date(), "supersededBy", request.byRecommendationId()));
    }

    @GetMapping
    public Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String meetingId,
                                                @RequestParam(required = false) Status status,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return Mono.zip(queries.list(meetingId, status, time.orToday(asAt), recordedBy), Caller.current())
                .map(both -> both.getT1().stream().map(view -> forCaller(view, both.getT2())).toList());
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> one(@PathVariable String id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.one(id, time.orToday(asAt), recordedBy)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Recommendation", id)))
                .zipWith(Caller.current(), RecommendationsController::forCaller);
    }

    /**
     * How many States had responded to a note verbale is other States' standing: a State's client sees the
     * note in the follow-up, not the count.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> forCaller(Map<String, Object> view, Caller caller) {
        if (!caller.is(Caller.Role.STATE)) {
            return view;
        }
        Map<String, Object> stripped = new LinkedHashMap<>(view);
        stripped.put("followUp", ((List<Map<String, Object>>) view.get("followUp")).stream().map(entry -> {
            Map<String, Object> copy = new LinkedHashMap<>(entry);
            copy.remove("responded");
            return copy;
        }).toList());
        return stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
