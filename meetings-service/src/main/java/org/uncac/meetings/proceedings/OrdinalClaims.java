package org.uncac.meetings.proceedings;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * One meeting per ordinal of a body ("the tenth meeting of the expert meeting"): the ordinal is claimed with a
 * unique key before the meeting is convened, and freed again if convening fails. A claim naming the same meeting
 * is a retry of the same request (its id comes from the Idempotency-Key) and goes through.
 */
@Component
@RequiredArgsConstructor
public class OrdinalClaims {

    /** Which meeting holds each ordinal of a body. */
    static final String COLLECTION = "meeting_ordinals";

    private final ReactiveMongoTemplate mongo;

    /** Runs {@code convene} holding the ordinal for {@code meetingId}; 409 if another meeting holds it. */
    public <T> Mono<T> whileClaimed(String body, int ordinal, String meetingId, Supplier<Mono<T>> convene) {
        String key = body + "/" + ordinal;
        Mono<Boolean> claimedNow = mongo.insert(new Document("_id", key).append("meetingId", meetingId), COLLECTION)
                .thenReturn(true)
                .onErrorResume(OrdinalClaims::isDuplicate, e -> mongo.findOne(byKey(key), Document.class, COLLECTION)
                        .filter(claim -> meetingId.equals(claim.getString("meetingId"))).map(claim -> false)
                        .switchIfEmpty(Mono.error(() -> Problems.conflict("Meeting " + ordinal + " of " + body
                                + " already exists"))));
        return claimedNow.flatMap(fresh -> convene.get()
                .onErrorResume(e -> (fresh ? mongo.remove(byKey(key), COLLECTION).then() : Mono.<Void>empty())
                        .then(Mono.error(e))));
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof DuplicateKeyException
                || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
