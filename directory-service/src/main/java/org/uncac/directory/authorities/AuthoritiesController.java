package org.uncac.directory.authorities;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.uncac.directory.authorities.AuthoritiesQueries.AuthorityView;
import org.uncac.directory.authorities.AuthoritiesQueries.Coverage;
import org.uncac.directory.authorities.AuthoritiesQueries.HistoryEntry;
import org.uncac.directory.authorities.AuthoritiesQueries.StaleEntry;
import org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.UpdateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority;
import org.uncac.directory.parties.StatePartiesQueries;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.directory.published.PublishedCoverageProjection;
import org.uncac.directory.published.PublishedCoverageProjection.PublishedCoverageView;
import org.uncac.platform.web.CsvExport;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * The directory of competent national authorities: the secretariat or a State (for its own State only)
 * designates, updates and withdraws entries; everybody with a token reads them, as at any date.
 */
@RestController
@RequestMapping("/api/directory")
public class AuthoritiesController {

    public record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                                 @Size(max = 50) String phone, @Email @Size(max = 200) String email) {
        AuthorityDetails.Contact toContact() {
            return new AuthorityDetails.Contact(name.strip(), title, phone, email);
        }
    }

    /**
     * An entry's details, as a designation (with {@code stateCode} and {@code type}) or as an update (a new
     * version that replaces the previous one from {@code effective} on; State and type do not change).
     */
    public record EntryRequest(@StateCode String stateCode,
                               AuthorityType type,
                               @NotBlank @Size(max = 300) String name, @NotNull LocalDate effective,
                               @Size(max = 1000) String postalAddress,
                               @Valid @Size(max = 20) List<ContactRequest> contacts,
                               @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en, fr, es") String> languages,
                               @Size(max = 20) List<@NotBlank @Size(max = 200) String> channels,
                               @Size(max = 20000) String requirements,
                               @Size(max = 100) List<@NotBlank @Size(max = 1000) String> checklist) {
        AuthorityDetails details() {
            return new AuthorityDetails(name.strip(), postalAddress, contacts == null ? null
                    : contacts.stream().map(ContactRequest::toContact).toList(), languages, channels, requirements, checklist);
        }
    }

    public record WithdrawalRequest(@NotNull LocalDate effective, @Size(max = 2000) String reason) {
    }

    public enum Step {
        DAY(Period.ofDays(1)), WEEK(Period.ofWeeks(1)), MONTH(Period.ofMonths(1)), QUARTER(Period.ofMonths(3)),
        YEAR(Period.ofYears(1));

        final Period period;

        Step(Period period) {
            this.period = period;
        }
    }

    private final CommandGateway commands;
    private final AuthoritiesQueries queries;
    private final StatePartiesQueries parties;
    private final SecretariatTime time;
    private final PublishedCoverageProjection published;

    public AuthoritiesController(CommandGateway commands, AuthoritiesQueries queries, StatePartiesQueries parties,
                                 SecretariatTime time, PublishedCoverageProjection published) {
        this.published = published;
        this.commands = commands;
        this.queries = queries;
        this.parties = parties;
        this.time = time;
    }

    @PostMapping("/authorities")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<ResponseEntity<Map<String, Object>>> designate(@Valid @RequestBody EntryRequest request, ServerWebExchange exchange) {
        if (request.stateCode() == null || request.stateCode().isBlank()) {
            throw Problems.invalid("stateCode", "must not be blank");
        }
        if (request.type() == null) {
            throw Problems.invalid("type", "must not be null");
        }
        String id = RequestIds.newId(exchange, "authority");
        return Caller.current().flatMap(caller -> {
            caller.requireActingFor(request.stateCode());
            return parties.exists(request.stateCode()).flatMap(known -> {
                if (!known) {
                    return Mono.error(Problems.refused(request.stateCode() + " is not a State party in the directory"));
                }
                return Mono.fromFuture(commands.send(new DesignateAuthority(id, request.stateCode(), request.type(),
                        request.details(), request.effective(), caller.recordedBy(), caller.actingFor())));
            });
        }).thenReturn(ResponseEntity.created(URI.create("/api/directory/authorities/" + id))
                .body(Map.of("id", id)));
    }

    @PostMapping("/authorities/{id}/updates")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<Map<String, Object>> update(@PathVariable String id, @Valid @RequestBody EntryRequest request) {
        return AsCaller.send(commands, caller -> new UpdateAuthority(id,
                        request.details(), request.effective(), caller.recordedBy(), caller.actingFor()))
                .thenReturn(Map.of("id", id, "effective", request.effective()));
    }

    @PostMapping("/authorities/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<Map<String, Object>> withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest request) {
        return AsCaller.send(commands, caller -> new WithdrawAuthority(id,
                        request.effective(), request.reason(), caller.recordedBy(), caller.actingFor()))
                .thenReturn(Map.of("id", id, "withdrawnFrom", request.effective()));
    }

    @GetMapping("/authorities")
    public Mono<List<AuthorityView>> directory(
            @RequestParam(required = false) @StateCode String stateCode,
            @RequestParam(required = false) AuthorityType type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.directory(dateOrToday(asAt), recordedBy, stateCode, type, language);
    }

    @GetMapping(value = "/authorities/export", produces = "text/csv")
    public Mono<ResponseEntity<String>> export(
            @RequestParam(required = false) @StateCode String stateCode,
            @RequestParam(required = false) AuthorityType type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate date = dateOrToday(asAt);
        return Mono.zip(queries.directory(date, recordedBy, stateCode, type, language),
                        parties.asAt(date, recordedBy).collectMap(StatePartiesQueries.PartyView::code,
                                StatePartiesQueries.PartyView::name))
                .map(both -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"directory-" + date + ".csv\"")
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .body(csv(both.getT1(), both.getT2())));
    }

    @GetMapping("/authorities/stale")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<List<StaleEntry>> stale(@RequestParam(defaultValue = "12") @Min(1) @Max(600) int months) {
        return queries.stale(months, time);
    }

    @GetMapping("/authorities/{id}")
    public Mono<AuthorityView> one(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.one(id, dateOrToday(asAt), recordedBy)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Authority", id)));
    }

    @GetMapping("/authorities/{id}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String id) {
        return queries.history(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Authority", id)));
    }

    @GetMapping("/coverage")
    public Mono<Map<String, Object>> coverage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate date = dateOrToday(asAt);
        return Mono.zip(queries.coverage(date, recordedBy), published.upTo(date, recordedBy))
                .map(both -> body(both.getT1(), both.getT2()));
    }

    @GetMapping("/coverage/series")
    public Mono<List<Map<String, Object>>> series(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "MONTH") String step,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        Step parsed;
        try {
            parsed = Step.valueOf(step.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("step", "must be one of day, week, month, quarter, year");
        }
        LocalDate until = time.orToday(to);
        if (until.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        long points = ChronoUnit.DAYS.between(from, until) / Math.max(1, parsed.period.toTotalMonths() * 28 + parsed.period.getDays());
        if (points > 5000) {
            throw Problems.invalid("step", "gives more than 5000 points between from and to; choose a longer step");
        }
        return Mono.zip(queries.series(from, until, parsed.period, recordedBy), published.upTo(until, recordedBy))
                .map(both -> both.getT1().stream().map(point -> body(point, both.getT2())).toList());
    }

    /**
     * Coverage as at a date, with the latest coverage the secretariat published on or before it ({@code published},
     * from {@code figures}, earliest first) and whether the recorded entries give other counts.
     */
    private static Map<String, Object> body(Coverage coverage, List<PublishedCoverageView> figures) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asAt", coverage.asAt());
        if (coverage.recordedBy() != null) {
            body.put("recordedBy", coverage.recordedBy());
        }
        body.put("statesParties", coverage.statesParties());
        body.put("byType", coverage.byType());
        PublishedCoverageView latest = figures.stream().filter(f -> !f.asAt().isAfter(coverage.asAt()))
                .reduce((a, b) -> b).orElse(null);
        body.put("published", latest);
        body.put("differsFromPublished", latest == null ? null : latest.byType().entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(coverage.byType().get(e.getKey()))));
        return body;
    }

    private LocalDate dateOrToday(LocalDate asAt) {
        return time.orToday(asAt);
    }


    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder()
            .addColumn("stateCode").addColumn("stateName").addColumn("type").addColumn("name")
            .addColumn("postalAddress").addColumn("contacts").addColumn("languages").addColumn("channels")
            .addColumn("requirements").addColumn("checklist").addColumn("inForceSince").addColumn("versionEffective")
            .addColumn("lastRecordedAt").addColumn("id").build();

    static String csv(List<AuthorityView> rows, Map<String, String> stateNames) {
        List<Map<String, Object>> lines = rows.stream().map(v -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("stateCode", v.stateCode());
            line.put("stateName", stateNames.getOrDefault(v.stateCode(), ""));
            line.put("type", v.type().name());
            line.put("name", v.name());
            line.put("postalAddress", v.postalAddress());
            line.put("contacts", v.contacts().stream().map(c -> String.join(" ", nonNull(c.name(), c.title(),
                    c.email() == null ? null : "<" + c.email() + ">", c.phone()))).collect(Collectors.joining("; ")));
            line.put("languages", String.join(";", v.languages()));
            line.put("channels", String.join(";", v.channels()));
            line.put("requirements", v.requirements());
            line.put("checklist", String.join("; ", v.checklist()));
            line.put("inForceSince", String.valueOf(v.inForceSince()));
            line.put("versionEffective", String.valueOf(v.versionEffective()));
            line.put("lastRecordedAt", String.valueOf(v.lastRecordedAt()));
            line.put("id", v.id());
            return line;
        }).toList();
        return CsvExport.write(CSV_SCHEMA, lines);
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }
}
