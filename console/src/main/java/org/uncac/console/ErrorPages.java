package org.uncac.console;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * What a page shows when the API refuses it: the problem's words on the page, never a stack trace. When the
 * person's sign-in has run out (the refresh token too), back to sign-in, and from there to the same page.
 */
@ControllerAdvice(basePackageClasses = ErrorPages.class)
public class ErrorPages {

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    /**
     * WebFlux empties the model before it calls an exception handler, so the page's frame (the person, their
     * sign-out, the languages) is given again here.
     */
    @ExceptionHandler(GatewayApi.ApiProblem.class)
    public Mono<String> refused(GatewayApi.ApiProblem problem, ServerWebExchange exchange, Model model) {
        exchange.getResponse().setRawStatusCode(problem.status() == 401 ? 403 : problem.status());
        model.addAttribute("problem", problem);
        Mono<OidcUser> user = exchange.getPrincipal()
                .flatMap(principal -> principal instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof OidcUser person ? Mono.just(person) : Mono.empty());
        return pages.common(exchange, model, user).thenReturn("error");
    }

    /**
     * The page asked for again once the session is emptied: the sign-in saves it and comes back to it. htmx is
     * told so in a header, as it would follow a redirect itself and swap the sign-in page into a part of this one.
     */
    @ExceptionHandler(ClientAuthorizationException.class)
    public Mono<ResponseEntity<Void>> signInAgain(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String again = request.getMethod() == HttpMethod.GET ? request.getPath().value()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()) : "/";
        return exchange.getSession().doOnNext(session -> session.getAttributes().clear()).then(Mono.fromSupplier(() ->
                request.getHeaders().containsKey(ConsoleSecurity.HTMX_REQUEST)
                        ? ResponseEntity.noContent().header(ConsoleSecurity.HTMX_REDIRECT, again).build()
                        : ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(again)).build()));
    }
}
