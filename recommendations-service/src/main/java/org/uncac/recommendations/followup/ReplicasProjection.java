package org.uncac.recommendations.followup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.ReadModelVersions;
import org.uncac.platform.domain.Source;
import org.uncac.recommendations.followup.DirectoryEvents.*;
import org.uncac.recommendations.followup.MeetingsEvents.*;
import org.uncac.recommendations.followup.NotesVerbalesEvents.*;

import java.time.Instant;
import java.time.LocalDate;

/**
 * This service's own replicas of what it reports on from other services: notes verbales and their responses,
 * meetings, States parties and the authorities in the directory (dates and types only). Never a call. Every fact
 * keeps its recording instant, so that a figure is reproduced as it was known at an instant ({@code recordedBy}).
 */
@Component
@ProcessingGroup(ReplicasProjection.PROCESSING_GROUP)
public class ReplicasProjection extends DocumentProjection {

    /** The replicas' processing group; its name is also their version: a new name rebuilds them from the events. */
    public static final String PROCESSING_GROUP = "recommendations.replicas-recorded";
    public static final String NOTES = "note_replicas";
    public static final String MEETINGS = "meeting_replicas";
    public static final String PARTIES = "party_replicas";
    public static final String AUTHORITIES = "authority_replicas";
    public static final String PUBLISHED_COVERAGE = "published_coverage_replicas";

    private final ReadModelVersions versions;

    public ReplicasProjection(ReactiveMongoTemplate mongo, ReadModelVersions versions) {
        super(mongo, NOTES, MEETINGS, PARTIES, AUTHORITIES, PUBLISHED_COVERAGE);
        this.versions = versions;
    }

    @EventHandler
    void on(NoteVerbaleIssued e, @Timestamp Instant at) {
        upsertIn(NOTES, e.noteId(), new Update().set("reference", e.reference()).set("subject", e.subject())
                .set("date", e.date().toString()).set("addressees", e.addressees().size())
                .set("mandates", e.mandates()).set("recommendationIds", e.recommendationIds())
                .set("dateKnownTo", e.dateKnownTo()).set("issueRecordedAt", at.toString()));
    }

    @EventHandler
    void on(ResponseReceived e, @Timestamp Instant at) {
        upsertIn(NOTES, e.noteId(), new Update().addToSet("responses", new Document("responseId", e.responseId())
                .append("stateCode", e.stateCode()).append("receivedOn", e.receivedOn().toString())
                .append("recordedAt", at.toString())));
    }

    /** A count of responses the secretariat published for a note: kept with the note's replica. */
    @EventHandler
    void on(ResponseFigurePublished e, @Timestamp Instant at) {
        upsertIn(NOTES, e.noteId(), new Update().addToSet("publishedFigures", figure(e.asAt(), e.asAtKnownTo(), e.source(),
                e.text(), at).append("value", e.value())));
    }

    /** Coverage of the directory as the secretariat published it. */
    @EventHandler
    void on(CoveragePublished e, @Timestamp Instant at) {
        upsertIn(PUBLISHED_COVERAGE, e.figureId(), new Update().set("figure", figure(e.asAt(), e.asAtKnownTo(), e.source(),
                e.text(), at).append("byType", new Document(e.byType()))));
    }

    private static Document figure(LocalDate asAt, String asAtKnownTo, Source source, String text, Instant at) {
        return new Document("asAt", asAt.toString()).append("asAtKnownTo", asAtKnownTo)
                .append("source", source.cite()).append("text", text).append("recordedAt", at.toString());
    }

    @EventHandler
    void on(MeetingConvened e) {
        upsertIn(MEETINGS, e.meetingId(), new Update().set("body", e.body()).set("ordinal", e.ordinal())
                .set("title", e.title()).set("venue", e.venue()).set("start", e.start().toString())
                .set("end", e.end().toString()));
    }

    @EventHandler
    void on(StatePartyRegistered e, @Timestamp Instant at) {
        upsertIn(PARTIES, e.code(), new Update().set("partySince", e.partySince().toString()).set("recordedAt", at.toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @EventHandler
    void on(AuthorityDesignated e, @Timestamp Instant at) {
        upsertIn(AUTHORITIES, e.authorityId(), new Update().set("stateCode", e.stateCode()).set("type", e.type())
                .set("effective", e.effective().toString()).set("recordedAt", at.toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @EventHandler
    void on(AuthorityWithdrawn e, @Timestamp Instant at) {
        upsertIn(AUTHORITIES, e.authorityId(), new Update().set("withdrawn", e.effective().toString())
                .set("withdrawalRecordedAt", at.toString()));
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }

    @Override
    protected void afterReset() {
        versions.bump(RecommendationsQueries.DIRECTORY_REPLICA);
    }
}
