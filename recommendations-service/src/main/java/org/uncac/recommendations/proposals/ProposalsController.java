package org.uncac.recommendations.proposals;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.platform.web.Created;
import org.uncac.recommendations.adoption.RecommendationAnswers.Adopted;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.security.Caller;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.recommendations.proposals.ProposalCommands.MarkProposalAdopted;
import org.uncac.recommendations.proposals.ProposalCommands.RecordProposal;
import org.uncac.recommendations.proposals.ProposalRequests.AdoptionRequest;
import org.uncac.recommendations.proposals.ProposalRequests.ProposalRequest;
import org.uncac.recommendations.adoption.RecommendationCommands.AdoptRecommendation;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/** Proposals made by States at a meeting: recorded, listed, and adopted as recommendations. */
@RestController
@Tag(name = "Proposals")
@RequestMapping("/api/recommendations/proposals")
@RequiredArgsConstructor
public class ProposalsController {

    private final CommandGateway commands;
    private final ProposalsProjection proposals;

    @Operation(summary = "Record a proposal made by States at a meeting")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Created>> record(@Valid @RequestBody ProposalRequest request, ServerWebExchange exchange) {
        String id = RequestIds.newId(exchange, "proposal");
        // the States that proposed it, where the report names them (it often says "one speaker")
        List<String> proposedBy = request.proposedBy() == null ? List.of() : request.proposedBy();
        return AsCaller.send(commands, caller -> new RecordProposal(id, request.meetingId(),
                        proposedBy, request.text().strip(), request.date(), caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/proposals/" + id)).body(new Created(id)));
    }

    /** Adopts the proposal as a recommendation of its meeting (its text, unless the adopted text differs). */
    @Operation(summary = "Adopt a proposal as a recommendation of its meeting")
    @PostMapping("/{id}/adoption")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Adopted>> adopt(@PathVariable String id, @Valid @RequestBody AdoptionRequest request,
                                                         ServerWebExchange exchange) {
        String recommendationId = RequestIds.newId(exchange, "recommendation");
        return existing(id)
                .zipWith(Caller.current())
                // the recommendation is adopted only once the proposal was marked adopted: a second adoption stops at 409
                .flatMap(both -> Mono.fromFuture(() -> commands.send(new MarkProposalAdopted(id, recommendationId, request.adoptedOn(),
                                both.getT2().recordedBy())))
                        .then(Mono.fromFuture(() -> commands.send(new AdoptRecommendation(recommendationId, both.getT1().meetingId(),
                                null, request.paragraph().strip(), request.text() == null || request.text().isBlank()
                                        ? both.getT1().text() : request.text().strip(),
                                request.addressee(), request.themes(), null, request.adoptedOn(), both.getT2().recordedBy(), false)))))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/" + recommendationId))
                        .body(new Adopted(recommendationId, "ADOPTED", id)));
    }

    @Operation(summary = "The proposals made at a meeting")
    @GetMapping
    public Mono<List<ProposalView>> list(@RequestParam(required = false) String meetingId) {
        return proposals.list(meetingId);
    }

    /** One proposal: who proposed what at which meeting, and the recommendation it was adopted as, if it was. */
    @Operation(summary = "One proposal and the recommendation it was adopted as")
    @GetMapping("/{id}")
    public Mono<ProposalView> one(@PathVariable String id) {
        return existing(id);
    }

    private Mono<ProposalView> existing(String id) {
        return proposals.one(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Proposal", id)));
    }
}
