package org.uncac.directory.parties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.commands.AsCaller;
import org.uncac.directory.parties.StatePartiesQueries.PartyView;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

/** The list of States parties: registered and renamed by the secretariat, read by everybody. */
@RestController
@Tag(name = "States parties")
@RequestMapping("/api/directory/states-parties")
@RequiredArgsConstructor
public class StatePartiesController {

    public record RegisterRequest(@NotBlank @Size(max = 3) String code, @NotBlank @Size(max = 200) String name,
                                  @NotNull PartyKind kind, @NotNull LocalDate partySince,
                                  RegionalGroup regionalGroup) {
    }

    public record RenameRequest(@NotBlank @Size(max = 200) String name, @NotNull LocalDate effective) {
    }

    /** What a renaming answers: the State party's name from {@code effective} on. */
    public record Renamed(String code, String name, LocalDate effective) {
    }

    private final CommandGateway commands;
    private final StatePartiesQueries queries;

    private final SecretariatTime time;

    @Operation(summary = "Register a State party to the Convention")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<PartyView>> register(@Valid @RequestBody RegisterRequest request) {
        if (!PartyCodes.isValid(request.code())) {
            throw Problems.invalid("code", "must be an ISO 3166-1 alpha-3 code or a user-assigned code (XKX, QMA-QZZ, XAA-XZZ, EUU)");
        }
        return AsCaller.send(commands, caller -> new RegisterStateParty(
                        request.code(), request.name().strip(), request.kind(), request.partySince(),
                        request.regionalGroup(), caller.recordedBy()))
                // a party from a later date is not one today: its Location reads it as at the day it becomes one
                .thenReturn(ResponseEntity.created(URI.create("/api/directory/states-parties/" + request.code()
                                + (request.partySince().isAfter(time.today()) ? "?asAt=" + request.partySince() : "")))
                        .body(new PartyView(request.code(), request.name().strip(), request.kind(),
                                request.partySince(), request.regionalGroup(), null)));
    }

    @Operation(summary = "Record a State party's new name from a date")
    @PostMapping("/{code}/renamings")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Renamed>> rename(@PathVariable String code,
                                                            @Valid @RequestBody RenameRequest request) {
        if (!PartyCodes.isValid(code)) {
            throw Problems.invalid("code", "must be a three-letter State party code");
        }
        return AsCaller.send(commands, caller -> new RenameStateParty(
                        code, request.name().strip(), request.effective(), caller.recordedBy()))
                .thenReturn(ResponseEntity.status(HttpStatus.OK).body(new Renamed(code, request.name().strip(), request.effective())));
    }

    @Operation(summary = "The States parties as at a date")
    @GetMapping
    public Flux<PartyView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.asAt(time.orToday(asAt), recordedBy);
    }

    @Operation(summary = "One State party as at a date")
    @GetMapping("/{code}")
    public Mono<PartyView> one(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.one(code, time.orToday(asAt), recordedBy)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("State party", code)));
    }
}
