package org.uncac.recommendations.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uncac.recommendations.followup.RecommendationsQueries.Coverage;
import org.uncac.recommendations.followup.Replicas.NoteReplica;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recommendation as at a date, as recorded by an instant: its status then and its follow-up by then, with
 * for each note verbale how many States it was sent to and how many had responded.
 */
public record RecommendationView(String id, String meetingId, String resolution, String paragraph, String text,
                                 String addressee, List<String> themes, List<String> articles, LocalDate adoptedOn,
                                 LocalDate asAt, String status, List<FollowUpView> followUp,
                                 List<ReaffirmationView> reaffirmations, String supersededBy, List<String> supersedes) {

    /**
     * One step of follow-up. A note verbale's step names the note ({@code noteId}, {@code reference}) and its
     * figures; the directory's step (source DIRECTORY) gives its {@code coverage} as at the date.
     */
    public record FollowUpView(LocalDate date, String action, String source, String status,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reference,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String noteId,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer addressees,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer responded,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Coverage coverage) {

        FollowUpView withoutResponded() {
            return new FollowUpView(date, action, source, status, reference, noteId, addressees, null, coverage);
        }
    }

    public record ReaffirmationView(String meetingId, String paragraph, LocalDate date) {
    }

    /**
     * How many States had responded to a note verbale is other States' standing: a State's client sees the
     * note in the follow-up, not the count.
     */
    public RecommendationView forState() {
        return new RecommendationView(id, meetingId, resolution, paragraph, text, addressee, themes, articles, adoptedOn,
                asAt, status, followUp.stream().map(FollowUpView::withoutResponded).toList(), reaffirmations,
                supersededBy, supersedes);
    }

    static RecommendationView of(RecommendationRecord r, LocalDate asAt, Instant recordedBy, Map<String, NoteReplica> notes,
                                 Coverage coverage) {
        List<FollowUpView> followUp = new ArrayList<>();
        for (RecommendationRecord.FollowUpEntry f : r.followUpOn(asAt, recordedBy)) {
            NoteReplica note = f.noteId() == null ? null : notes.get(f.noteId());
            followUp.add(new FollowUpView(f.date(), f.action(), f.source(), f.status(), f.reference(), f.noteId(),
                    note == null ? null : note.addressees(), note == null ? null : note.respondedBy(asAt, recordedBy),
                    null));
        }
        if (r.reportsOnTheDirectory()) {
            followUp.add(new FollowUpView(asAt, "Directory of competent national authorities as at " + asAt + ": of "
                    + coverage.statesParties() + " States parties, " + coverage.byType().entrySet().stream()
                    .map(e -> e.getValue() + " with " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""),
                    "DIRECTORY", null, null, null, null, null, coverage));
        }
        return new RecommendationView(r.id(), r.meetingId(), r.resolution(), r.paragraph(), r.text(), r.addressee(),
                r.themes(), r.articles(), r.adoptedOn(), asAt, r.statusOn(asAt, recordedBy), followUp,
                r.reaffirmations().stream().filter(a -> RecommendationRecord.known(a.recordedAt(), recordedBy))
                        .map(a -> new ReaffirmationView(String.valueOf(a.meetingId()), String.valueOf(a.paragraph()), a.date()))
                        .toList(),
                RecommendationRecord.known(r.supersessionRecordedAt(), recordedBy) ? r.supersededBy() : null,
                r.supersedes().stream().filter(s -> RecommendationRecord.known(s.recordedAt(), recordedBy))
                        .map(RecommendationRecord.Superseded::recommendationId).toList());
    }
}
