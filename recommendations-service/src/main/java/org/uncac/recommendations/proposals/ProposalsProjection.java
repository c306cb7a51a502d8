package org.uncac.recommendations.proposals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.readmodel.Documents;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalAdopted;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalRecorded;
import reactor.core.publisher.Mono;

import java.util.List;

/** The proposals read model: one document per proposal, read back as {@link ProposalView}. Idempotent. */
@Component
@ProcessingGroup("recommendations.proposals")
public class ProposalsProjection extends DocumentProjection {

    static final String COLLECTION = "proposals";

    private final ObjectMapper objectMapper;

    public ProposalsProjection(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        super(mongo, COLLECTION);
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ProposalRecorded e) {
        upsert(e.proposalId(), new Update().set("meetingId", e.meetingId()).set("proposedBy", e.proposedBy())
                .set("text", e.text()).set("date", e.date().toString()));
    }

    @EventHandler
    void on(ProposalAdopted e) {
        upsert(e.proposalId(), new Update().set("adoptedAs", e.recommendationId()).set("adoptedOn", e.date().toString()));
    }

    public Mono<ProposalView> one(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION).map(this::read);
    }

    /** Every proposal, or those made at one meeting. */
    public Mono<List<ProposalView>> list(String meetingId) {
        return mongo.findAll(Document.class, COLLECTION).map(this::read)
                .filter(p -> meetingId == null || meetingId.equals(p.meetingId())).collectList();
    }

    private ProposalView read(Document document) {
        return Documents.read(objectMapper, document, ProposalView.class);
    }

}
