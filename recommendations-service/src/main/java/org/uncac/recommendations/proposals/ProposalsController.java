package org.uncac.recommendations.proposals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.security.Caller;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.recommendations.proposals.ProposalCommands.MarkProposalAdopted;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalAdopted;
import org.uncac.recommendations.proposals.ProposalEvents.ProposalRecorded;
import org.uncac.recommendations.proposals.ProposalCommands.RecordProposal;
import org.uncac.recommendations.adoption.RecommendationCommands.AdoptRecommendation;
import org.uncac.recommendations.adoption.RecommendationModel.Addressee;
import org.uncac.recommendations.adoption.RecommendationModel.Theme;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proposals made by States at a meeting: recorded, listed, and adopted as recommendations. */
@RestController
@RequestMapping("/api/recommendations/proposals")
public class ProposalsController {

    public record ProposalRequest(@NotBlank @Size(max = 100) String meetingId,
                                  @Size(max = 50) List<@StateCode String> proposedBy,
                                  @NotBlank @Size(max = 20000) String text, @NotNull LocalDate date) {
    }

    public record AdoptionRequest(@NotBlank @Size(max = 50) String paragraph, @NotNull Addressee addressee,
                                  @NotNull LocalDate adoptedOn, @Size(max = 3) List<Theme> themes, @Size(max = 20000) String text) {
    }

    /** The proposals read model. */
    @Component
    @ProcessingGroup("recommendations.proposals")
    public static class ProposalsProjection {
        static final String COLLECTION = "proposals";
        private final ReactiveMongoTemplate mongo;

        public ProposalsProjection(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(ProposalRecorded e) {
            mongo.upsert(Query.query(Criteria.where("_id").is(e.proposalId())), new Update().set("meetingId", e.meetingId())
                    .set("proposedBy", e.proposedBy()).set("text", e.text()).set("date", e.date().toString()), ProposalsProjection.COLLECTION).block();
        }

        @EventHandler
        void on(ProposalAdopted e) {
            mongo.upsert(Query.query(Criteria.where("_id").is(e.proposalId())), new Update()
                    .set("adoptedAs", e.recommendationId()).set("adoptedOn", e.date().toString()), ProposalsProjection.COLLECTION).block();
        }

        @ResetHandler
        void reset() {
            mongo.dropCollection(ProposalsProjection.COLLECTION).block();
        }
    }

    private final CommandGateway commands;
    private final ReactiveMongoTemplate mongo;

    public ProposalsController(CommandGateway commands, ReactiveMongoTemplate mongo) {
        this.commands = commands;
        this.mongo = mongo;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> record(@Valid @RequestBody ProposalRequest request, ServerWebExchange exchange) {
        String id = RequestIds.newId(exchange, "proposal");
        // the States that proposed it, where the report names them (it often says "one speaker")
        List<String> proposedBy = request.proposedBy() == null ? List.of() : request.proposedBy();
        return AsCaller.send(commands, caller -> new RecordProposal(id, request.meetingId(),
                        proposedBy, request.text().strip(), request.date(), caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/proposals/" + id)).body(Map.of("id", id)));
    }

    /** Adopts the proposal as a recommendation of its meeting (its text, unless the adopted text differs). */
    @PostMapping("/{id}/adoption")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Map<String, Object>>> adopt(@PathVariable String id, @Valid @RequestBody AdoptionRequest request,
                                                         ServerWebExchange exchange) {
        String recommendationId = RequestIds.newId(exchange, "recommendation");
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, ProposalsProjection.COLLECTION)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Proposal", id)))
                .zipWith(Caller.current())
                // the recommendation is adopted only once the proposal was marked adopted: a second adoption stops at 409
                .flatMap(both -> Mono.fromFuture(() -> commands.send(new MarkProposalAdopted(id, recommendationId, request.adoptedOn(),
                                both.getT2().recordedBy())))
                        .then(Mono.fromFuture(() -> commands.send(new AdoptRecommendation(recommendationId, both.getT1().getString("meetingId"),
                                null, request.paragraph().strip(), request.text() == null || request.text().isBlank()
                                        ? both.getT1().getString("text") : request.text().strip(),
                                request.addressee(), request.themes(), null, request.adoptedOn(), both.getT2().recordedBy(), false)))))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/" + recommendationId))
                        .body(Map.of("id", recommendationId, "status", "ADOPTED", "proposalId", id)));
    }

    @GetMapping
    public Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String meetingId) {
        return mongo.findAll(Document.class, ProposalsProjection.COLLECTION)
                .filter(d -> meetingId == null || meetingId.equals(d.getString("meetingId")))
                .map(ProposalsController::view)
                .collectList();
    }

    /** One proposal: who proposed what at which meeting, and the recommendation it was adopted as, if it was. */
    @GetMapping("/{id}")
    public Mono<Map<String, Object>> one(@PathVariable String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, ProposalsProjection.COLLECTION)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Proposal", id)))
                .map(ProposalsController::view);
    }

    private static Map<String, Object> view(Document document) {
        Map<String, Object> view = new LinkedHashMap<>(document);
        view.put("id", view.remove("_id"));
        return view;
    }
}
