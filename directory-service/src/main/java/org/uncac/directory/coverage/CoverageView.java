package org.uncac.directory.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uncac.directory.authorities.AuthoritiesQueries.Coverage;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.directory.published.PublishedCoverageProjection.PublishedCoverageView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Coverage as at a date (as recorded by {@code recordedBy}, when asked), with the latest coverage the secretariat
 * published on or before it and whether the recorded entries give other counts.
 */
public record CoverageView(LocalDate asAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant recordedBy,
                           int statesParties, Map<AuthorityType, Integer> byType, PublishedCoverageView published,
                           Boolean differsFromPublished) {

    /** {@code figures}: the published figures, earliest first. */
    static CoverageView of(Coverage coverage, List<PublishedCoverageView> figures) {
        PublishedCoverageView latest = figures.stream().filter(f -> !f.asAt().isAfter(coverage.asAt()))
                .reduce((a, b) -> b).orElse(null);
        Boolean differs = latest == null ? null : latest.byType().entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(coverage.byType().get(e.getKey())));
        return new CoverageView(coverage.asAt(), coverage.recordedBy(), coverage.statesParties(), coverage.byType(),
                latest, differs);
    }
}
