package org.uncac.recommendations.followup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.recommendations.followup.NotesVerbalesEvents.NoteVerbaleIssued;
import org.uncac.recommendations.adoption.RecommendationModel.*;
import org.uncac.recommendations.adoption.RecommendationCommands.*;
import org.uncac.recommendations.adoption.RecommendationEvents.*;
import org.uncac.platform.time.SecretariatTime;

import java.time.Instant;
import java.util.List;

/**
 * The recommendations read model: each recommendation with its follow-up, whether entered by the secretariat
 * or recorded by itself from another service's event (a note verbale issued with the recommendation's id).
 * Entries are keyed (event id, note id): replays change nothing. Every fact keeps its recording instant, so
 * that a recommendation is shown as it was known at an instant ({@code recordedBy}).
 */
@Component
@ProcessingGroup(FollowUpProjection.PROCESSING_GROUP)
public class FollowUpProjection extends DocumentProjection {

    /** The follow-up's processing group; its name is also its version: a new name rebuilds it from the events. */
    public static final String PROCESSING_GROUP = "recommendations.follow-up-recorded";
    public static final String COLLECTION = "recommendation_follow_up";

    private final SecretariatTime time;

    public FollowUpProjection(ReactiveMongoTemplate mongo, SecretariatTime time) {
        super(mongo, COLLECTION);
        this.time = time;
    }

    @EventHandler
    void on(RecommendationAdopted e, @Timestamp Instant at) {
        upsert(e.recommendationId(), new Update().set("meetingId", e.meetingId()).set("resolution", e.resolution())
                .set("paragraph", e.paragraph()).set("text", e.text()).set("addressee", e.addressee().name())
                .set("themes", e.themes() == null ? List.of() : e.themes().stream().map(Enum::name).toList())
                .set("articles", e.articles() == null ? List.of() : e.articles())
                .set("adoptedOn", e.adoptedOn() == null ? null : e.adoptedOn().toString())
                .set("concernsDirectory", e.concernsDirectory())
                .set("recordedAt", at.toString()).set("recordedBy", e.recordedBy()));
    }

    @EventHandler
    void on(FollowUpRecorded e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.recommendationId(), new Update().addToSet("followUp", entry(id, e.date().toString(), e.action(),
                "SECRETARIAT", e.status().name(), at).append("recordedBy", e.recordedBy())));
    }

    @EventHandler
    void on(RecommendationReaffirmed e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.recommendationId(), new Update().addToSet("reaffirmations", new Document("eventId", id)
                .append("meetingId", e.meetingId()).append("paragraph", e.paragraph()).append("date", e.date().toString())
                .append("recordedAt", at.toString()))
                .addToSet("followUp", entry(id, e.date().toString(), "Reaffirmed" + (e.paragraph() == null ? "" : " in paragraph " + e.paragraph()),
                        "REAFFIRMATION", null, at)));
    }

    @EventHandler
    void on(RecommendationSuperseded e, @Timestamp Instant at, @MessageIdentifier String id) {
        upsert(e.recommendationId(), new Update().set("supersededBy", e.byRecommendationId())
                .set("supersededOn", e.date().toString()).set("supersessionRecordedAt", at.toString())
                .addToSet("followUp", entry(id, e.date().toString(), "Superseded by recommendation " + e.byRecommendationId(),
                        "SUPERSESSION", "SUPERSEDED", at)));
        upsert(e.byRecommendationId(), new Update().addToSet("supersedes", new Document("recommendationId", e.recommendationId())
                .append("recordedAt", at.toString())));
    }

    /** A note verbale issued with a recommendation's id is follow-up of that recommendation, by itself. */
    @EventHandler
    void on(NoteVerbaleIssued e, @Timestamp Instant at) {
        if (e.recommendationIds() == null) {
            return;
        }
        for (String recommendationId : e.recommendationIds()) {
            upsert(recommendationId, new Update().addToSet("followUp", entry("note:" + e.noteId(), e.date().toString(),
                    "Note verbale " + (e.reference() == null ? "" : e.reference() + " ") + "(" + e.subject() + ") sent to "
                            + e.addressees().size() + " States parties",
                    "NOTE_VERBALE", "IN_PROGRESS", at).append("reference", e.reference()).append("noteId", e.noteId())));
        }
    }

    /** An agenda item that takes a recommendation up is follow-up too (its first version that does, once). */
    @EventHandler
    void on(MeetingsEvents.ProvisionalAgendaIssued e, @Timestamp Instant at) {
        if (e.items() == null) {
            return;
        }
        for (int i = 0; i < e.items().size(); i++) {
            MeetingsEvents.ProvisionalAgendaIssued.Item item = e.items().get(i);
            for (String recommendationId : item.recommendationIds() == null ? List.<String>of() : item.recommendationIds()) {
                String key = "agenda:" + e.meetingId() + ":" + recommendationId;
                Query notYet = Query.query(Criteria.where("_id").is(recommendationId).and("followUp.key").ne(key));
                mongo.updateFirst(notYet, new Update().push("followUp", entry(key, time.dateOf(at).toString(),
                        "Taken up under item " + (i + 1) + " (" + item.title() + ") of the provisional agenda " + e.symbol(),
                        "AGENDA_ITEM", null, at).append("meetingId", e.meetingId())), COLLECTION).block();
            }
        }
    }

    private static Document entry(String key, String date, String action, String source, String status, Instant at) {
        return new Document("key", key).append("date", date).append("action", action).append("source", source)
                .append("status", status).append("recordedAt", at.toString());
    }

}
