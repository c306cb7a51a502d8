package org.uncac.meetings.nextmeeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.meetings.nextmeeting.RecommendationsEvents.FollowUpRecorded;
import org.uncac.meetings.nextmeeting.RecommendationsEvents.RecommendationAdopted;
import org.uncac.meetings.nextmeeting.RecommendationsEvents.RecommendationSuperseded;

/**
 * This service's replica of the recommendations, from the recommendations service's events (its own records,
 * only the fields it reads): which are still open, for the chair's view of the next meeting.
 */
@Component
@ProcessingGroup(RecommendationsReplica.PROCESSING_GROUP)
public class RecommendationsReplica extends DocumentProjection {

    public static final String PROCESSING_GROUP = "meetings.recommendations";
    static final String COLLECTION = "recommendations";

    public RecommendationsReplica(ReactiveMongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    void on(RecommendationAdopted e) {
        upsert(e.recommendationId(), new Update().set("meetingId", e.meetingId()).set("resolution", e.resolution())
                .set("paragraph", e.paragraph()).set("text", e.text()).set("addressee", e.addressee())
                .set("status", "ADOPTED"));   // adoption always precedes its follow-up in the stream
    }

    @EventHandler
    void on(FollowUpRecorded e) {
        upsert(e.recommendationId(), new Update().set("status", e.status()).set("lastFollowUp", e.date().toString()));
    }

    @EventHandler
    void on(RecommendationSuperseded e) {
        upsert(e.recommendationId(), new Update().set("status", "SUPERSEDED"));
    }

}
