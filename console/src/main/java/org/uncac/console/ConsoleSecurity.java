package org.uncac.console;

import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * People sign in at the auth-server (authorization code with PKCE, through the gateway) and are kept signed in
 * with refresh tokens; their authorized client lives in the session, in MongoDB. Signing out ends the console's
 * session and the auth-server's (OpenID Connect logout).
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class ConsoleSecurity {

    public static final String REGISTRATION = "uncac";
    static final String SIGN_IN = "/sign-in/authorize/" + REGISTRATION;
    static final String HTMX_REQUEST = "HX-Request";
    static final String HTMX_REDIRECT = "HX-Redirect";

    @Bean
    public SecurityWebFilterChain console(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                          ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultServerOAuth2AuthorizationRequestResolver requests = new DefaultServerOAuth2AuthorizationRequestResolver(
                registrations, new PathPatternParserServerWebExchangeMatcher("/sign-in/authorize/{registrationId}"));
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        RedirectServerAuthenticationSuccessHandler back = new RedirectServerAuthenticationSuccessHandler("/");
        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/assets/**", "/signed-out", "/actuator/health/**", "/actuator/health", "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(requests)
                        .authenticationMatcher(new PathPatternParserServerWebExchangeMatcher("/sign-in/callback/{registrationId}"))
                        .authorizedClientRepository(authorizedClients)
                        // the language the person chose last time becomes the console's
                        .authenticationSuccessHandler((webFilterExchange, authentication) -> {
                            if (authentication.getPrincipal() instanceof OidcUser) {
                                Object language = ((OidcUser) authentication.getPrincipal()).getClaims().get("language");
                                if (language != null) {
                                    webFilterExchange.getExchange().getResponse().addCookie(ConsoleLocale.cookie(language.toString()));
                                }
                            }
                            return back.onAuthenticationSuccess(webFilterExchange, authentication);
                        }))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst()))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .build();
    }

    /**
     * Not signed in (or the session ran out): to the sign-in, and from there back to the page asked for. A request
     * htmx made for part of a page is told to load the sign-in as a whole page ({@code HX-Redirect}), which then
     * comes back to the page the part belongs to.
     */
    private static ServerAuthenticationEntryPoint signInFirst() {
        RedirectServerAuthenticationEntryPoint redirect = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
        WebSessionServerRequestCache requests = new WebSessionServerRequestCache();
        return (exchange, denied) -> {
            if (!exchange.getRequest().getHeaders().containsKey(HTMX_REQUEST)) {
                return redirect.commence(exchange, denied);
            }
            return requests.saveRequest(exchange).then(Mono.fromRunnable(() -> {
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                exchange.getResponse().getHeaders().set(HTMX_REDIRECT, SIGN_IN);
            }));
        };
    }

    /**
     * The auth-server as the properties describe it, plus what discovery would have added: its issuer (the ID
     * token's {@code iss} is checked against it) and its end-session endpoint (signing out signs out there too).
     * Discovery itself is not used, so the console starts whether or not the auth-server is up yet.
     */
    @Bean
    public ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties, ConsoleProperties console) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values()
                .stream().map(registration -> ClientRegistration.withClientRegistration(registration)
                        .issuerUri(console.issuer())
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", console.issuer() + "/connect/logout"))
                        .build())
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    /** Each person's tokens in their session, which lives in MongoDB: any console instance serves them. */
    @Bean
    public ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
