package org.uncac.console;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;

/** Home by role, the language switch, and the page after signing out. */
@Controller
@RequiredArgsConstructor
public class HomePage {

    private final GatewayApi api;

    /** The secretariat's home is the open notes verbales; a chair's, the next meeting; a focal point's, their State's notes. */
    @GetMapping("/")
    public Mono<String> home(@AuthenticationPrincipal OidcUser user) {
        Pages.Me me = Pages.me(user);
        if (me.secretariat()) {
            return Mono.just("redirect:/notes/open");
        }
        return Mono.just(me.focalPoint() ? "redirect:/my-notes" : me.chair() ? "redirect:/meetings/next" : "redirect:/notes/open");
    }

    /** Switches the language, remembers it with the person at the auth-server, and goes back where it was. */
    @GetMapping("/language")
    public Mono<ResponseEntity<Void>> language(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
                                               ServerWebExchange exchange) {
        String language = ConsoleLocale.LANGUAGES.contains(lang) ? lang : "en";
        String target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
        exchange.getResponse().addCookie(ConsoleLocale.cookie(language));
        return api.send("PUT", "/api/users/me/language", Map.of("language", language)).onErrorResume(e -> Mono.empty())
                .then(Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build()));
    }

    @GetMapping("/signed-out")
    public String signedOut(Model model) {
        return "signed-out";
    }
}
