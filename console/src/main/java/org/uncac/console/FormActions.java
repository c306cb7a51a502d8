package org.uncac.console;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page's form sent to the API: afterwards the page again with what was done ({@code ?done=}, redirected so a
 * reload sends nothing twice), or, when the API refuses it, the same page with the problem beside the fields it
 * names and the form filled in as it was sent.
 */
final class FormActions {

    private FormActions() {
    }

    /**
     * @param page  the page's address, to which {@code ?done=} is added
     * @param send  sends the form, giving what was done in a word the page shows ({@code "reminder:3:2017-05-08"})
     * @param again the page drawn again on the model, for a refusal
     */
    static Mono<String> send(ServerWebExchange exchange, Model model, String page,
                             Function<MultiValueMap<String, String>, Mono<String>> send, Supplier<Mono<String>> again) {
        return exchange.getFormData().flatMap(form -> send.apply(form)
                .map(done -> "redirect:" + page + "?done=" + GatewayApi.query(done))
                .onErrorResume(GatewayApi.ApiProblem.class, problem -> {
                    model.addAttribute("problem", problem);
                    model.addAttribute("form", Json.of(form.toSingleValueMap()));
                    return again.get();
                }));
    }
}
