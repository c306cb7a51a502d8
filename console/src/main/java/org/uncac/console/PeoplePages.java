package org.uncac.console;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The secretariat's page of people: who signs in, adding one, disabling and enabling, resetting a password. */
@Controller
@RequiredArgsConstructor
public class PeoplePages {

    private final GatewayApi api;

    @GetMapping("/people")
    public Mono<String> people(Model model) {
        return list(model);
    }

    private Mono<String> list(Model model) {
        return api.get("/api/users").map(Json::list).map(people -> {
            model.addAttribute("people", people);
            return "people";
        });
    }

    @PostMapping("/people")
    public Mono<String> add(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", form.getFirst("username"));
            body.put("displayName", form.getFirst("displayName"));
            String email = form.getFirst("email");
            body.put("email", email == null || email.isBlank() ? null : email.strip());
            body.put("roles", List.of(form.getFirst("role") == null ? "" : form.getFirst("role")));
            String state = form.getFirst("stateCode");
            body.put("stateCode", state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT));
            body.put("language", form.getFirst("language"));
            return api.send("POST", "/api/users", body).flatMap(added -> {
                model.addAttribute("added", Json.map(added));
                return list(model);
            }).onErrorResume(GatewayApi.ApiProblem.class, problem -> {
                model.addAttribute("problem", problem);
                model.addAttribute("form", Json.of(form.toSingleValueMap()));
                return list(model);
            });
        });
    }

    @PostMapping("/people/{username}/{action}")
    public Mono<String> change(@PathVariable String username, @PathVariable String action, Model model) {
        String path = switch (action) {
            case "disable" -> "/disablement";
            case "enable" -> "/enablement";
            default -> "/password-reset";
        };
        return api.send("POST", "/api/users/" + GatewayApi.segment(username) + path, Map.of()).flatMap(answer -> {
            if (answer.has("temporaryPassword")) {
                model.addAttribute("added", Json.map(answer));
            }
            return list(model);
        }).onErrorResume(GatewayApi.ApiProblem.class, problem -> {
            model.addAttribute("problem", problem);
            return list(model);
        });
    }
}
