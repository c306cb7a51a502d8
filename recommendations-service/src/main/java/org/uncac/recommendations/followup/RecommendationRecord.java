package org.uncac.recommendations.followup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A recommendation (or a Conference mandate) as {@link FollowUpProjection} records it, read back as this record
 * (its fields are the document's). Every fact keeps its recording instant, so that it can be read as known at an
 * instant: {@link #knownBy}, {@link #statusOn}, {@link #followUpOn}.
 */
public record RecommendationRecord(@JsonProperty("_id") String id, String meetingId, String resolution, String paragraph,
                                   String text, String addressee, List<String> themes, List<String> articles,
                                   LocalDate adoptedOn, Boolean concernsDirectory, Instant recordedAt,
                                   List<FollowUpEntry> followUp, List<Reaffirmation> reaffirmations, String supersededBy,
                                   Instant supersessionRecordedAt, List<Superseded> supersedes) {

    public RecommendationRecord {
        themes = themes == null ? List.of() : themes;
        articles = articles == null ? List.of() : articles;
        followUp = followUp == null ? List.of() : followUp;
        reaffirmations = reaffirmations == null ? List.of() : reaffirmations;
        supersedes = supersedes == null ? List.of() : supersedes;
    }

    /**
     * One step of follow-up: recorded by the secretariat, or by itself from a note verbale issued with the
     * recommendation's id ({@code noteId}), an agenda item taking it up, a reaffirmation or a supersession.
     */
    public record FollowUpEntry(String key, LocalDate date, String action, String source, String status,
                                Instant recordedAt, String reference, String noteId) {
    }

    public record Reaffirmation(String meetingId, String paragraph, LocalDate date, Instant recordedAt) {
    }

    /** A recommendation this one supersedes. */
    public record Superseded(String recommendationId, Instant recordedAt) {
    }

    /** Whether a fact recorded at {@code recordedAt} was known at {@code recordedBy} (null: everything is). */
    public static boolean known(Instant recordedAt, Instant recordedBy) {
        return recordedBy == null || recordedAt == null || !recordedAt.isAfter(recordedBy);
    }

    /** Adopted (its text recorded) by {@code recordedBy}. */
    public boolean knownBy(Instant recordedBy) {
        return text != null && known(recordedAt, recordedBy);
    }

    public boolean reportsOnTheDirectory() {
        return Boolean.TRUE.equals(concernsDirectory);
    }

    /** The status on {@code date}: null before adoption, then the latest follow-up status by then. */
    public String statusOn(LocalDate date, Instant recordedBy) {
        if (adoptedOn != null && adoptedOn.isAfter(date)) {
            return null;
        }
        return followUpOn(date, recordedBy).stream().map(FollowUpEntry::status).filter(s -> s != null)
                .reduce((a, b) -> b).orElse("ADOPTED");
    }

    /** The follow-up dated on or before {@code date}, as recorded by {@code recordedBy}, in date order. */
    public List<FollowUpEntry> followUpOn(LocalDate date, Instant recordedBy) {
        return followUp.stream()
                .filter(f -> !f.date().isAfter(date) && known(f.recordedAt(), recordedBy))
                .sorted(Comparator.comparing(FollowUpEntry::date).thenComparing(FollowUpEntry::recordedAt))
                .toList();
    }
}
