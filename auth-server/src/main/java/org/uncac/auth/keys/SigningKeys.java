package org.uncac.auth.keys;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs access tokens, kept in MongoDB ({@code auth_keys}) so tokens stay valid across
 * restarts and every instance of the authorization server signs with the same key. The first instance to
 * start creates it; a concurrent second one loses the insert race and loads the winner's key.
 */
public final class SigningKeys {

    private static final String COLLECTION = "auth_keys";
    private static final String ID = "signing";

    private SigningKeys() {
    }

    public static JWKSet loadOrCreate(MongoTemplate mongo) {
        Document existing = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        if (existing != null) {
            return new JWKSet(parse(existing.getString("jwk")));
        }
        RSAKey key = generate();
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", ID).append("jwk", key.toJSONString()));
            return new JWKSet(key);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return loadOrCreate(mongo);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the signing key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key is unreadable", e);
        }
    }
}
