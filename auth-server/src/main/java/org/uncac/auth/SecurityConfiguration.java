package org.uncac.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.uncac.auth.people.People;
import org.uncac.auth.settings.AuthProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.uncac.auth.clients.ApiClient;
import org.uncac.auth.clients.MongoRegisteredClientRepository;
import org.uncac.tokens.AccessTokenChecks;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.uncac.auth.keys.SigningKeys;

/**
 * Three filter chains: Spring Authorization Server's endpoints ({@code /oauth2/token}, {@code /oauth2/authorize},
 * {@code /oauth2/jwks}, OpenID Connect's metadata and logout), the sign-in page of people ({@code /auth/**}), and
 * {@code /api/clients} and {@code /api/users} as a resource server reading the same tokens.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Where people sign in: the console's authorization request sends a browser here first. */
    public static final String SIGN_IN = "/auth/sign-in";

    @Bean
    @Order(1)
    public SecurityFilterChain authorizationServer(HttpSecurity http, People people) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .addFilterAfter(new StillAllowedToSignIn(people), SecurityContextHolderFilter.class)
                .with(server, config -> config.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser that is not signed in is sent to the sign-in page, and back here afterwards
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    /**
     * A person signed in at the auth-server who has since been disabled (or removed) is signed out here before any
     * code is issued: the console's next sign-in round shows them the sign-in page, which tells them.
     */
    static final class StillAllowedToSignIn extends OncePerRequestFilter {
        private final People people;

        StillAllowedToSignIn(People people) {
            this.people = people;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn instanceof UsernamePasswordAuthenticationToken
                    && people.find(signedIn.getName()).map(person -> !person.enabled()).orElse(true)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    @Order(2)
    public SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher("/auth/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(SIGN_IN, "/auth/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .failureHandler((request, response, e) -> response.sendRedirect(SIGN_IN + "?error="
                                + (e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad")
                                + (request.getParameter("lang") == null ? "" : "&lang=" + request.getParameter("lang")))));
        return http.build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return authorities;
        });
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                writeProblem(response, objectMapper, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/oauth2/revoked",
                                "/v3/api-docs/**", "/v3/api-docs", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("SECRETARIAT", "OPERATOR")
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper,
                             HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), body);
    }

    @Bean
    public MongoRegisteredClientRepository registeredClientRepository(MongoTemplate mongo, AuthProperties properties,
                                                                      PasswordEncoder passwordEncoder) {
        return new MongoRegisteredClientRepository(mongo, properties, passwordEncoder);
    }

    @Bean
    public JWKSource<SecurityContext> jwkSource(MongoTemplate mongo) {
        JWKSet keys = SigningKeys.loadOrCreate(mongo);
        return new ImmutableJWKSet<>(keys);
    }

    /** Tokens presented to {@code /api/clients} are checked as the gateway and the services check them. */
    @Bean
    public JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthProperties properties,
                                 MongoRegisteredClientRepository clients, People people) {
        JwtDecoder decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        ((NimbusJwtDecoder) decoder).setJwtValidator(AccessTokenChecks.validator(properties.issuer(),
                subject -> clients.find(subject).map(ApiClient::revoked).orElse(false)
                        || people.find(subject).map(person -> !person.enabled()).orElse(false)));
        return decoder;
    }

    @Bean
    public AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Roles and the State travel in the access token, where every service reads them; its audience is the suite.
     * A client's token carries the client's; a person's (the console's authorization code) the person's, with
     * their name and language, and {@code sub} is the person, so every history shows who did a thing.
     */
    @Bean
    public OAuth2TokenCustomizer<JwtEncodingContext> rolesAndState(People people) {
        return context -> {
            boolean person = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            if (person) {
                people.find(context.getPrincipal().getName()).ifPresent(p -> {
                    // on the ID token too: the console shows the person's pages by role and State
                    context.getClaims().claim("name", p.displayName()).claim("language", p.language()).claim("roles", p.roles());
                    if (p.state() != null) {
                        context.getClaims().claim("state", p.state());
                    }
                });
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(AccessTokenChecks.AUDIENCE));
            if (person) {
                return;
            }
            var settings = context.getRegisteredClient().getClientSettings();
            Object roles = settings.getSetting(MongoRegisteredClientRepository.ROLES);
            Object state = settings.getSetting(MongoRegisteredClientRepository.STATE);
            context.getClaims().claim("roles", roles == null ? List.of() : roles);
            if (state != null) {
                context.getClaims().claim("state", state);
            }
            if (context.getRegisteredClient().getClientName() != null) {
                context.getClaims().claim("client_name", context.getRegisteredClient().getClientName());
            }
        };
    }

    /**
     * Client-credentials tokens are self-contained JWTs checked by signature: nothing needs to be remembered per
     * token, so nothing is (the default in-memory store would grow with every token issued). People's sign-ins
     * (authorization codes, refresh tokens) are remembered in memory, by this instance: a restart signs everyone
     * out of the console, who then signs in again.
     */
    @Bean
    public OAuth2AuthorizationService authorizationService() {
        InMemoryOAuth2AuthorizationService people = new InMemoryOAuth2AuthorizationService();
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
                if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
                    people.save(authorization);
                }
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
                people.remove(authorization);
            }

            @Override
            public OAuth2Authorization findById(String id) {
                return people.findById(id);
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                return people.findByToken(token, tokenType);
            }
        };
    }
}
