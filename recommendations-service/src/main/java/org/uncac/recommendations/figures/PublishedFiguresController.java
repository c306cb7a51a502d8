package org.uncac.recommendations.figures;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.uncac.platform.time.KnownTo;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.domain.Source;
import org.uncac.recommendations.figures.Counts;
import org.uncac.recommendations.figures.PublishedFigureCommands.PublishFigure;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Figures the secretariat published on their own (GlobE Network members, other counts), with their sources. */
@RestController
@Tag(name = "Published figures")
@RequestMapping("/api/recommendations/published-figures")
@RequiredArgsConstructor
public class PublishedFiguresController {

    public record FigureRequest(@NotNull Counts counts, @Size(max = 500) String what, @NotNull LocalDate asAt,
                                @Size(max = 7) String asAtKnownTo, @NotNull @PositiveOrZero @Max(1_000_000_000) Long value,
                                @NotNull @Valid Source source, @Size(max = 5000) String text) {
    }

    private final CommandGateway commands;
    private final FiguresProjection figures;
    private final SecretariatTime time;

    @Operation(summary = "Record a figure the secretariat published (GlobE Network members, another count)")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<FigureView>> publish(@Valid @RequestBody FigureRequest request) {
        String knownTo = KnownTo.check("asAt", request.asAt(), request.asAtKnownTo());
        String what = request.what() == null || request.what().isBlank() ? null : request.what().strip();
        if (request.counts() == Counts.OTHER && what == null) {
            throw Problems.invalid("what", "must say what is counted");
        }
        Source source = request.source().stripped();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        return AsCaller.send(commands, caller -> new PublishFigure(
                        PublishedFigure.figureId(request.counts(), what, request.asAt(), source), request.counts(), what,
                        request.asAt(), knownTo, request.value(), source, text, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/published-figures?asAt=" + request.asAt()))
                        .body(new FigureView(request.counts(), what, request.asAt(), knownTo, request.value(), source, text)));
    }

    @Operation(summary = "The figures the secretariat published up to a date")
    @GetMapping
    public Mono<List<FigureView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy,
            @RequestParam(required = false) Counts counts) {
        return figures.upTo(time.orToday(asAt), recordedBy, counts);
    }
}
