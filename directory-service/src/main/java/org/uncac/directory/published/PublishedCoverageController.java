package org.uncac.directory.published;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.commands.AsCaller;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.directory.published.PublishedCoverageCommands.PublishCoverage;
import org.uncac.directory.published.PublishedCoverageProjection.PublishedCoverageView;
import org.uncac.platform.time.KnownTo;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.domain.Source;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The secretariat records the coverage it published; everyone reads it beside the computed coverage. */
@RestController
@Tag(name = "Published coverage")
@RequestMapping("/api/directory/published-coverage")
@RequiredArgsConstructor
public class PublishedCoverageController {

    public record PublishRequest(@NotNull LocalDate asAt, @Size(max = 7) String asAtKnownTo,
                                 @NotEmpty @Size(max = 5) Map<AuthorityType, @NotNull @PositiveOrZero @Max(250) Integer> byType,
                                 @NotNull @Valid Source source, @Size(max = 5000) String text) {
    }

    private final CommandGateway commands;
    private final PublishedCoverageProjection figures;
    private final SecretariatTime time;

    @Operation(summary = "Record the directory's coverage as the secretariat published it")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<PublishedCoverageView>> publish(@Valid @RequestBody PublishRequest request) {
        String knownTo = KnownTo.check("asAt", request.asAt(), request.asAtKnownTo());
        Source source = request.source().stripped();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        Map<AuthorityType, Integer> byType = new EnumMap<>(request.byType());
        return AsCaller.send(commands, caller -> new PublishCoverage(
                        PublishedCoverageCommands.figureId(request.asAt(), source), request.asAt(), knownTo, byType, source, text,
                        caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/directory/coverage?asAt=" + request.asAt()))
                        .body(new PublishedCoverageView(request.asAt(), knownTo, byType, source, text)));
    }

    /** Every published figure up to a date (default today), earliest first. */
    @Operation(summary = "The coverage figures the secretariat published up to a date")
    @GetMapping
    public Mono<List<PublishedCoverageView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return figures.upTo(time.orToday(asAt), recordedBy);
    }
}
