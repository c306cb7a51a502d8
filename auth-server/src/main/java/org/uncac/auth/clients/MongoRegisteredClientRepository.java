package org.uncac.auth.clients;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.uncac.auth.AuthProperties;

import java.time.Instant;
import java.util.List;

/**
 * Spring Authorization Server's client registry, kept in MongoDB ({@code oauth_clients}): secrets only as
 * BCrypt hashes, roles and State as client settings that the token customizer copies into the JWT.
 */
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    static final String COLLECTION = "oauth_clients";
    public static final String ROLES = "uncac.roles";
    public static final String STATE = "uncac.state";

    private final MongoTemplate mongo;
    private final AuthProperties properties;

    public MongoRegisteredClientRepository(MongoTemplate mongo, AuthProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Stores (or replaces) a client. */
    public void store(ApiClient client) {
        Document document = new Document("_id", client.clientId())
                .append("secretHash", client.secretHash())
                .append("name", client.name())
                .append("roles", client.roles())
                .append("state", client.state())
                .append("createdAt", client.createdAt().toString())
                .append("createdBy", client.createdBy());
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", client.clientId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public List<ApiClient> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(MongoRegisteredClientRepository::client).toList();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered through POST /api/clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(clientId)), Document.class, COLLECTION);
        return document == null ? null : registered(client(document));
    }

    private static ApiClient client(Document d) {
        return new ApiClient(d.getString("_id"), d.getString("secretHash"), d.getString("name"),
                d.getList("roles", String.class), d.getString("state"), Instant.parse(d.getString("createdAt")),
                d.getString("createdBy"));
    }

    private RegisteredClient registered(ApiClient client) {
        ClientSettings.Builder settings = ClientSettings.builder().requireProofKey(false)
                .setting(ROLES, client.roles());
        if (client.state() != null) {
            settings.setting(STATE, client.state());
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(client.secretHash())
                .clientIdIssuedAt(client.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.tokenTtl()).build())
                .build();
    }
}
