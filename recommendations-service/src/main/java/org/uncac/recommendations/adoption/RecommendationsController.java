package org.uncac.recommendations.adoption;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.RequestIds;
import org.uncac.recommendations.adoption.RecommendationAnswers.Adopted;
import org.uncac.recommendations.adoption.RecommendationAnswers.FollowedUp;
import org.uncac.recommendations.adoption.RecommendationAnswers.Reaffirmed;
import org.uncac.recommendations.adoption.RecommendationAnswers.Superseded;
import org.uncac.recommendations.adoption.RecommendationModel.*;
import org.uncac.recommendations.adoption.RecommendationRequests.*;
import org.uncac.recommendations.adoption.RecommendationCommands.*;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Recommendations and mandates: adopted, followed up, reaffirmed and superseded by the secretariat. */
@RestController
@Tag(name = "Recommendations")
@RequestMapping("/api/recommendations")
@RequiredArgsConstructor
public class RecommendationsController {

    private final CommandGateway commands;

    @Operation(summary = "Adopt a recommendation of a meeting, or record a Conference mandate")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<Adopted>> adopt(@Valid @RequestBody AdoptionRequest request, ServerWebExchange exchange) {
        if ((request.meetingId() == null || request.meetingId().isBlank()) == (request.resolution() == null || request.resolution().isBlank())) {
            throw Problems.invalid("meetingId", "give either meetingId (a meeting's recommendation) or resolution (a Conference mandate)");
        }
        String id = RequestIds.newId(exchange, "recommendation");
        return AsCaller.send(commands, caller -> new AdoptRecommendation(id,
                        blankToNull(request.meetingId()), blankToNull(request.resolution()), blankToNull(request.paragraph()),
                        request.text().strip(), request.addressee(), request.themes(), request.articles(), request.adoptedOn(),
                        caller.recordedBy(), Boolean.TRUE.equals(request.concernsDirectory())))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/" + id)).body(new Adopted(id, "ADOPTED", null)));
    }

    @Operation(summary = "Record follow-up of a recommendation and its status")
    @PostMapping("/{id}/follow-up")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<FollowedUp>> followUp(@PathVariable String id, @Valid @RequestBody FollowUpRequest request) {
        return AsCaller.send(commands, caller -> new RecordFollowUp(id, request.date(),
                        request.action().strip(), request.status(), caller.recordedBy()))
                .thenReturn(ResponseEntity.status(201).body(new FollowedUp(id, request.date(), request.status())));
    }

    @Operation(summary = "Record that a meeting reaffirmed a recommendation")
    @PostMapping("/{id}/reaffirmation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Reaffirmed> reaffirm(@PathVariable String id, @Valid @RequestBody ReaffirmationRequest request) {
        return AsCaller.send(commands, caller -> new ReaffirmRecommendation(id,
                        request.meetingId(), request.paragraph(), request.date(), caller.recordedBy()))
                .thenReturn(new Reaffirmed(id, request.date()));
    }

    @Operation(summary = "Record that a recommendation was superseded by another")
    @PostMapping("/{id}/supersession")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<Superseded> supersede(@PathVariable String id, @Valid @RequestBody SupersessionRequest request) {
        return AsCaller.send(commands, caller -> new SupersedeRecommendation(id,
                        request.byRecommendationId(), request.date(), caller.recordedBy()))
                .thenReturn(new Superseded(id, request.date(), request.byRecommendationId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
