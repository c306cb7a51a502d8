package org.uncac.auth.people;

import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Comparator;
import org.springframework.dao.DuplicateKeyException;

/** The people who sign in, in the auth-server's own database ({@code people}), keyed by username. */
@Component
@RequiredArgsConstructor
public class People {

    static final String COLLECTION = "people";
    /** Failed sign-ins in a row that lock an account, and for how long. */
    static final int FAILURES_TO_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final MongoTemplate mongo;

    public Optional<Person> find(String username) {
        return Optional.ofNullable(mongo.findOne(byName(username), Document.class, COLLECTION)).map(People::person);
    }

    public List<Person> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(People::person)
                .sorted(Comparator.comparing(Person::username)).toList();
    }

    /** Adds a person; false when the username is taken. */
    public boolean add(Person person) {
        try {
            mongo.insert(document(person), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Makes a configured person exist as configured (the embedded default's development people). */
    public void put(Person person) {
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", person.username()), document(person),
                new ReplaceOptions().upsert(true));
    }

    public boolean update(String username, Update update) {
        return mongo.updateFirst(byName(username), update, COLLECTION).getMatchedCount() == 1;
    }

    /** Counts a failed sign-in; the fifth in a row locks the account. */
    public void failedSignIn(String username, Instant now) {
        find(username).ifPresent(person -> {
            int failures = person.failedSignIns() + 1;
            update(username, failures >= FAILURES_TO_LOCK
                    ? new Update().set("failedSignIns", 0).set("lockedUntil", now.plus(LOCK).toString())
                    : new Update().set("failedSignIns", failures));
        });
    }

    public void signedIn(String username) {
        update(username, new Update().set("failedSignIns", 0).unset("lockedUntil"));
    }

    /** The disabled people: their tokens are refused like those of revoked clients. */
    public List<String> disabled() {
        return mongo.find(Query.query(Criteria.where("enabled").is(false)), Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    private static Query byName(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }

    private static Document document(Person p) {
        return new Document("_id", p.username()).append("displayName", p.displayName()).append("email", p.email())
                .append("roles", p.roles()).append("state", p.state()).append("language", p.language())
                .append("enabled", p.enabled()).append("passwordHash", p.passwordHash())
                .append("failedSignIns", p.failedSignIns())
                .append("lockedUntil", p.lockedUntil() == null ? null : p.lockedUntil().toString())
                .append("createdAt", p.createdAt().toString()).append("createdBy", p.createdBy());
    }

    private static Person person(Document d) {
        return new Person(d.getString("_id"), d.getString("displayName"), d.getString("email"),
                d.getList("roles", String.class), d.getString("state"), d.getString("language"),
                Boolean.TRUE.equals(d.getBoolean("enabled")), d.getString("passwordHash"),
                d.getInteger("failedSignIns", 0), d.getString("lockedUntil") == null ? null : Instant.parse(d.getString("lockedUntil")),
                Instant.parse(d.getString("createdAt")), d.getString("createdBy"));
    }
}
