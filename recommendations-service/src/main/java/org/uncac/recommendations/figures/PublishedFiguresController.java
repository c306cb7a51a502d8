package org.uncac.recommendations.figures;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.commands.AsCaller;
import org.uncac.platform.time.KnownTo;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import org.uncac.platform.web.Source;
import org.uncac.recommendations.figures.Counts;
import org.uncac.recommendations.figures.PublishedFigureEvents.FigurePublished;
import org.uncac.recommendations.figures.PublishedFigureCommands.PublishFigure;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Figures the secretariat published on their own (GlobE Network members, other counts), with their sources. */
@RestController
@RequestMapping("/api/recommendations/published-figures")
public class PublishedFiguresController {

    public record FigureRequest(@NotNull Counts counts, @Size(max = 500) String what, @NotNull LocalDate asAt,
                                @Size(max = 7) String asAtKnownTo, @NotNull @PositiveOrZero @Max(1_000_000_000) Long value,
                                @NotNull @Valid Source source, @Size(max = 5000) String text) {
    }

    public record FigureView(Counts counts, String what, LocalDate asAt, String asAtKnownTo, long value, Source source,
                             String text) {
    }

    /** The figures' read model, with recording instants for {@code recordedBy}. */
    @Component
    @ProcessingGroup("recommendations.published-figures")
    public static class FiguresProjection {

        static final String COLLECTION = "published_figures";

        private final ReactiveMongoTemplate mongo;

        public FiguresProjection(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(FigurePublished e, @Timestamp Instant at) {
            mongo.upsert(Query.query(Criteria.where("_id").is(e.figureId())), new Update().set("counts", e.counts().name())
                    .set("what", e.what()).set("asAt", e.asAt().toString()).set("asAtKnownTo", e.asAtKnownTo())
                    .set("value", e.value()).set("source", new Document("document", e.source().document())
                            .append("paragraph", e.source().paragraph()))
                    .set("text", e.text()).set("recordedAt", at.toString()), COLLECTION).block();
        }

        @ResetHandler
        void reset() {
            mongo.dropCollection(COLLECTION).block();
        }

        /** The figures published on or before {@code asAt} (as recorded by {@code recordedBy}), earliest first. */
        public Mono<List<FigureView>> upTo(LocalDate asAt, Instant recordedBy, Counts counts) {
            return mongo.findAll(Document.class, COLLECTION)
                    .filter(d -> !LocalDate.parse(d.getString("asAt")).isAfter(asAt))
                    .filter(d -> recordedBy == null || !Instant.parse(d.getString("recordedAt")).isAfter(recordedBy))
                    .filter(d -> counts == null || counts.name().equals(d.getString("counts")))
                    .sort(Comparator.comparing((Document d) -> d.getString("asAt")).thenComparing(d -> d.getString("recordedAt")))
                    .map(d -> {
                        Document source = d.get("source", Document.class);
                        return new FigureView(Counts.valueOf(d.getString("counts")), d.getString("what"),
                                LocalDate.parse(d.getString("asAt")), d.getString("asAtKnownTo"), ((Number) d.get("value")).longValue(),
                                new Source(source.getString("document"), source.getString("paragraph")), d.getString("text"));
                    })
                    .collectList();
        }
    }

    private final CommandGateway commands;
    private final FiguresProjection figures;
    private final SecretariatTime time;

    public PublishedFiguresController(CommandGateway commands, FiguresProjection figures, SecretariatTime time) {
        this.commands = commands;
        this.figures = figures;
        this.time = time;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Mono<ResponseEntity<FigureView>> publish(@Valid @RequestBody FigureRequest request) {
        String knownTo = KnownTo.check("asAt", request.asAt(), request.asAtKnownTo());
        String what = request.what() == null || request.what().isBlank() ? null : request.what().strip();
        if (request.counts() == Counts.OTHER && what == null) {
            throw Problems.invalid("what", "must say what is counted");
        }
        Source source = request.source().stripped();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        return AsCaller.send(commands, caller -> new PublishFigure(
                        PublishedFigure.figureId(request.counts(), what, request.asAt(), source), request.counts(), what,
                        request.asAt(), knownTo, request.value(), source, text, caller.recordedBy()))
                .thenReturn(ResponseEntity.created(URI.create("/api/recommendations/published-figures?asAt=" + request.asAt()))
                        .body(new FigureView(request.counts(), what, request.asAt(), knownTo, request.value(), source, text)));
    }

    @GetMapping
    public Mono<List<FigureView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy,
            @RequestParam(required = false) Counts counts) {
        return figures.upTo(time.orToday(asAt), recordedBy, counts);
    }
}
