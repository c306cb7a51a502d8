package org.uncac.recommendations.figures;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.platform.domain.Source;
import org.uncac.recommendations.figures.PublishedFigureEvents.FigurePublished;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The figures' read model, with recording instants for {@code recordedBy}. */
@Component
@ProcessingGroup("recommendations.published-figures")
public class FiguresProjection extends DocumentProjection {

    static final String COLLECTION = "published_figures";

    public FiguresProjection(ReactiveMongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    void on(FigurePublished e, @Timestamp Instant at) {
        upsert(e.figureId(), new Update().set("counts", e.counts().name())
                .set("what", e.what()).set("asAt", e.asAt().toString()).set("asAtKnownTo", e.asAtKnownTo())
                .set("value", e.value()).set("source", new Document("document", e.source().document())
                        .append("paragraph", e.source().paragraph()))
                .set("text", e.text()).set("recordedAt", at.toString()));
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
