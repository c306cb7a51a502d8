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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.uncac.auth.settings.AuthProperties;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;

/**
 * Spring Authorization Server's client registry, kept in MongoDB ({@code oauth_clients}): secrets only as
 * BCrypt hashes, roles and State as client settings that the token customizer copies into the JWT.
 */
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    static final String COLLECTION = "oauth_clients";
    public static final String ROLES = "uncac.roles";
    public static final String STATE = "uncac.state";
    /** The console's client id. */
    public static final String CONSOLE = "console";

    private final MongoTemplate mongo;
    private final AuthProperties properties;
    /** The console, a client of people's sign-ins, from configuration (null where it has no secret). */
    private final RegisteredClient console;

    public MongoRegisteredClientRepository(MongoTemplate mongo, AuthProperties properties, PasswordEncoder passwordEncoder) {
        this.mongo = mongo;
        this.properties = properties;
        String secret = properties.consoleSecret();
        this.console = secret == null ? null : console(properties, passwordEncoder.encode(secret));
    }

    /**
     * The console signs people in with the authorization code and PKCE, and keeps them signed in with refresh
     * tokens; its redirect is the gateway's public URL (the issuer), where the console is served.
     */
    private static RegisteredClient console(AuthProperties properties, String secretHash) {
        return RegisteredClient.withId(CONSOLE).clientId(CONSOLE).clientName("Console").clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(properties.issuer() + "/sign-in/callback/uncac")
                .postLogoutRedirectUri(properties.issuer() + "/signed-out")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                .build();
    }

    /** Stores (or replaces) a client. */
    public void store(ApiClient client) {
        Document document = new Document("_id", client.clientId())
                .append("secretHash", client.secretHash())
                .append("name", client.name())
                .append("roles", client.roles())
                .append("state", client.state())
                .append("createdAt", client.createdAt().toString())
                .append("createdBy", client.createdBy())
                .append("revokedAt", client.revokedAt() == null ? null : client.revokedAt().toString())
                .append("revokedBy", client.revokedBy());
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", client.clientId()), document,
                new ReplaceOptions().upsert(true));
    }

    /** Revokes a client once: false when there is no such client or it is revoked already. */
    public boolean revoke(String clientId, Instant at, String by) {
        return mongo.getCollection(COLLECTION).updateOne(new Document("_id", clientId).append("revokedAt", null),
                new Document("$set", new Document("revokedAt", at.toString()).append("revokedBy", by))).getModifiedCount() == 1;
    }

    /** The revoked clients, for the revocation list the gateway and the services read. */
    public List<ApiClient> revoked() {
        return mongo.find(Query.query(Criteria.where("revokedAt").ne(null)), Document.class, COLLECTION).stream()
                .map(MongoRegisteredClientRepository::client).toList();
    }

    public List<ApiClient> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(MongoRegisteredClientRepository::client).toList();
    }

    public Optional<ApiClient> find(String clientId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(clientId)), Document.class, COLLECTION))
                .map(MongoRegisteredClientRepository::client);
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
        if (CONSOLE.equals(clientId)) {
            return console;
        }
        // a revoked client is unknown to the token endpoint: it gets no token any more
        return find(clientId).filter(client -> !client.revoked()).map(this::registered).orElse(null);
    }

    private static ApiClient client(Document d) {
        return new ApiClient(d.getString("_id"), d.getString("secretHash"), d.getString("name"),
                d.getList("roles", String.class), d.getString("state"), Instant.parse(d.getString("createdAt")),
                d.getString("createdBy"), d.getString("revokedAt") == null ? null : Instant.parse(d.getString("revokedAt")),
                d.getString("revokedBy"));
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
