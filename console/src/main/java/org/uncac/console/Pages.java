package org.uncac.console;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.ui.Model;

/**
 * What every page is given: the language and its direction, formats for dates and numbers, the signed-in person,
 * the CSRF token for its forms, and the as-at date of its figures (today unless the URL says another).
 */
@ControllerAdvice(basePackageClasses = Pages.class)
public class Pages {

    /** The secretariat's time zone: "today" is Vienna's. */
    public static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    /** The signed-in person as pages need them. */
    public record Me(String username, String name, List<String> roles, String state) {
        public boolean secretariat() {
            return roles.contains("SECRETARIAT");
        }

        public boolean chair() {
            return roles.contains("CHAIR");
        }

        public boolean focalPoint() {
            return roles.contains("STATE") && state != null;
        }
    }

    private final Clock clock;

    public Pages() {
        this.clock = Clock.system(VIENNA);
    }

    public static Me me(OidcUser user) {
        if (user == null) {
            return null;
        }
        Object roles = user.getClaims().get("roles");
        return new Me(user.getSubject(), user.getFullName() != null ? user.getFullName() : user.getSubject(),
                roles instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of(),
                (String) user.getClaims().get("state"));
    }

    @ModelAttribute
    public Mono<Void> common(ServerWebExchange exchange, Model model,
                             @AuthenticationPrincipal Mono<OidcUser> user) {
        Locale locale = exchange.getLocaleContext().getLocale() == null ? Locale.ENGLISH : exchange.getLocaleContext().getLocale();
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", ConsoleLocale.rightToLeft(locale) ? "rtl" : "ltr");
        model.addAttribute("fmt", new Formats(locale, VIENNA));
        model.addAttribute("languages", ConsoleLocale.LANGUAGES);
        model.addAttribute("path", exchange.getRequest().getPath().value()
                + (exchange.getRequest().getURI().getRawQuery() == null ? "" : "?" + exchange.getRequest().getURI().getRawQuery()));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today.toString());
        String asAt = exchange.getRequest().getQueryParams().getFirst("asAt");
        model.addAttribute("asAt", asAt == null || asAt.isBlank() ? today.toString() : asAt);
        model.addAttribute("recordedBy", exchange.getRequest().getQueryParams().getFirst("recordedBy"));
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        Mono<OidcUser> signedIn = user == null ? Mono.empty() : user;
        return Mono.zip(signedIn.map(Pages::me).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        csrf == null ? Mono.just(Optional.<CsrfToken>empty()) : csrf.map(Optional::of))
                .doOnNext(both -> {
                    model.addAttribute("me", both.getT1().orElse(null));
                    model.addAttribute("csrf", both.getT2().orElse(null));
                })
                .then();
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
