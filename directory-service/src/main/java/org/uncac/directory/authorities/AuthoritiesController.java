package org.uncac.directory.authorities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.uncac.platform.commands.AsCaller;
import org.uncac.directory.authorities.AuthoritiesQueries.AuthorityView;
import org.uncac.directory.authorities.AuthorityRequests.EntryRequest;
import org.uncac.directory.authorities.AuthorityRequests.WithdrawalRequest;
import org.uncac.directory.authorities.AuthoritiesQueries.HistoryEntry;
import org.uncac.directory.authorities.AuthoritiesQueries.StaleEntry;
import org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.UpdateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority;
import org.uncac.directory.parties.StatePartiesQueries;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The directory of competent national authorities: the secretariat or a State (for its own State only)
 * designates, updates and withdraws entries; everybody with a token reads them, as at any date.
 */
@RestController
@Tag(name = "Directory of authorities")
@RequestMapping("/api/directory")
@RequiredArgsConstructor
public class AuthoritiesController {

    private final CommandGateway commands;
    private final AuthoritiesQueries queries;
    private final StatePartiesQueries parties;
    private final SecretariatTime time;

    @Operation(summary = "Designate a competent national authority of a State")
    @PostMapping("/authorities")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<ResponseEntity<Created>> designate(@Valid @RequestBody EntryRequest request, ServerWebExchange exchange) {
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
                .body(new Created(id)));
    }

    @Operation(summary = "Record a new version of an authority's entry, in force from a date")
    @PostMapping("/authorities/{id}/updates")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<AuthorityRequests.Updated> update(@PathVariable String id, @Valid @RequestBody EntryRequest request) {
        return AsCaller.send(commands, caller -> new UpdateAuthority(id,
                        request.details(), request.effective(), caller.recordedBy(), caller.actingFor()))
                .thenReturn(new AuthorityRequests.Updated(id, request.effective()));
    }

    @Operation(summary = "Withdraw an authority's designation from a date")
    @PostMapping("/authorities/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'STATE')")
    public Mono<AuthorityRequests.Withdrawn> withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest request) {
        return AsCaller.send(commands, caller -> new WithdrawAuthority(id,
                        request.effective(), request.reason(), caller.recordedBy(), caller.actingFor()))
                .thenReturn(new AuthorityRequests.Withdrawn(id, request.effective()));
    }

    @Operation(summary = "The directory of competent national authorities as at a date")
    @GetMapping("/authorities")
    public Mono<List<AuthorityView>> directory(
            @RequestParam(required = false) @StateCode String stateCode,
            @RequestParam(required = false) AuthorityType type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.directory(time.orToday(asAt), recordedBy, stateCode, type, language);
    }

    @Operation(summary = "Entries whose last change was recorded more than some months ago")
    @GetMapping("/authorities/stale")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<List<StaleEntry>> stale(@RequestParam(defaultValue = "12") @Min(1) @Max(600) int months) {
        return queries.stale(months, time);
    }

    @Operation(summary = "One authority's entry as at a date")
    @GetMapping("/authorities/{id}")
    public Mono<AuthorityView> one(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.one(id, time.orToday(asAt), recordedBy)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Authority", id)));
    }

    @Operation(summary = "Every version of an authority's entry, with when and by whom it was recorded")
    @GetMapping("/authorities/{id}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String id) {
        return queries.history(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Authority", id)));
    }
}
