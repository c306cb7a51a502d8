package org.uncac.recommendations.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.security.Caller;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.recommendations.adoption.RecommendationModel.Status;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations and mandates with their follow-up and status as at a date, as recorded by an instant; a State
 * sees which notes verbales followed a recommendation up, not how many States answered them.
 */
@RestController
@Tag(name = "Recommendations as at a date")
@RequestMapping("/api/recommendations")
@RequiredArgsConstructor
public class FollowUpController {

    private final RecommendationsQueries queries;
    private final SecretariatTime time;

    @Operation(summary = "Recommendations and mandates with their status and follow-up as at a date")
    @GetMapping
    public Mono<List<RecommendationView>> list(@RequestParam(required = false) String meetingId,
                                                @RequestParam(required = false) Status status,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return Mono.zip(queries.list(meetingId, status, time.orToday(asAt), recordedBy), Caller.current())
                .map(both -> both.getT1().stream().map(view -> forCaller(view, both.getT2())).toList());
    }

    @Operation(summary = "One recommendation with its status and follow-up as at a date")
    @GetMapping("/{id}")
    public Mono<RecommendationView> one(@PathVariable String id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        return queries.one(id, time.orToday(asAt), recordedBy)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Recommendation", id)))
                .zipWith(Caller.current(), FollowUpController::forCaller);
    }

    private static RecommendationView forCaller(RecommendationView view, Caller caller) {
        return caller.is(Caller.Role.STATE) ? view.forState() : view;
    }
}
