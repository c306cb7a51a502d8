package org.uncac.directory.published;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.uncac.platform.readmodel.DocumentProjection;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.directory.published.PublishedCoverageEvents.CoveragePublished;
import org.uncac.platform.domain.Source;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The published coverage figures, one document each, with their recording instants for {@code recordedBy}. */
@Component
@ProcessingGroup(PublishedCoverageProjection.PROCESSING_GROUP)
public class PublishedCoverageProjection extends DocumentProjection {

    public static final String PROCESSING_GROUP = "directory.published-coverage";
    public static final String COLLECTION = "published_coverage";

    /** A figure as reads show it. */
    public record PublishedCoverageView(LocalDate asAt, String asAtKnownTo, Map<AuthorityType, Integer> byType,
                                        Source source, String text) {
    }

    public PublishedCoverageProjection(ReactiveMongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    void on(CoveragePublished e, @Timestamp Instant recordedAt) {
        Document byType = new Document();
        e.byType().forEach((type, count) -> byType.append(type.name(), count));
        upsert(e.figureId(), new Update().set("asAt", e.asAt().toString())
                .set("asAtKnownTo", e.asAtKnownTo()).set("byType", byType)
                .set("source", new Document("document", e.source().document()).append("paragraph", e.source().paragraph()))
                .set("text", e.text()).set("recordedAt", recordedAt.toString()).set("recordedBy", e.recordedBy()));
    }

    /** Every figure published on or before {@code asAt} (as recorded by {@code recordedBy}), earliest first. */
    public Mono<List<PublishedCoverageView>> upTo(LocalDate asAt, Instant recordedBy) {
        return mongo.findAll(Document.class, COLLECTION)
                .filter(d -> !LocalDate.parse(d.getString("asAt")).isAfter(asAt))
                .filter(d -> recordedBy == null || !Instant.parse(d.getString("recordedAt")).isAfter(recordedBy))
                .sort(Comparator.comparing((Document d) -> d.getString("asAt")).thenComparing(d -> d.getString("recordedAt")))
                .map(PublishedCoverageProjection::view).collectList();
    }

    /** The latest figure published on or before {@code asAt}, or empty. */
    public Mono<PublishedCoverageView> latest(LocalDate asAt, Instant recordedBy) {
        return upTo(asAt, recordedBy).flatMap(all -> Mono.justOrEmpty(all.isEmpty() ? null : all.get(all.size() - 1)));
    }

    private static PublishedCoverageView view(Document d) {
        Map<AuthorityType, Integer> byType = new EnumMap<>(AuthorityType.class);
        d.get("byType", Document.class).forEach((type, count) -> byType.put(AuthorityType.valueOf(type), ((Number) count).intValue()));
        Document source = d.get("source", Document.class);
        return new PublishedCoverageView(LocalDate.parse(d.getString("asAt")), d.getString("asAtKnownTo"), byType,
                new Source(source.getString("document"), source.getString("paragraph")), d.getString("text"));
    }
}
