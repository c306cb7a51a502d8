package org.uncac.directory.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.directory.authorities.AuthoritiesQueries;
import org.uncac.directory.published.PublishedCoverageProjection;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** How many States parties have an authority of each type, as at a date or as a series, beside what was published. */
@RestController
@Tag(name = "Directory coverage")
@RequestMapping("/api/directory/coverage")
@RequiredArgsConstructor
public class CoverageController {

    /** The most points a series gives. */
    static final int MAX_POINTS = 5000;

    public enum Step {
        DAY(Period.ofDays(1)), WEEK(Period.ofWeeks(1)), MONTH(Period.ofMonths(1)), QUARTER(Period.ofMonths(3)),
        YEAR(Period.ofYears(1));

        final Period period;

        Step(Period period) {
            this.period = period;
        }
    }

    private final AuthoritiesQueries queries;
    private final PublishedCoverageProjection published;
    private final SecretariatTime time;

    @Operation(summary = "How many States parties have an authority of each type, as at a date")
    @GetMapping
    public Mono<CoverageView> coverage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate date = time.orToday(asAt);
        return Mono.zip(queries.coverage(date, recordedBy), published.upTo(date, recordedBy))
                .map(both -> CoverageView.of(both.getT1(), both.getT2()));
    }

    @Operation(summary = "The directory's coverage at every step between two dates")
    @GetMapping("/series")
    public Mono<List<CoverageView>> series(
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
        if (points > MAX_POINTS) {
            throw Problems.invalid("step", "gives more than " + MAX_POINTS + " points between from and to; choose a longer step");
        }
        return Mono.zip(queries.series(from, until, parsed.period, recordedBy), published.upTo(until, recordedBy))
                .map(both -> both.getT1().stream().map(point -> CoverageView.of(point, both.getT2())).toList());
    }
}
