package org.uncac.console;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * A State's focal point: the notes verbales addressed to their State (open first, with the deadline and whether
 * they answered), one form per note with a field for each question, the receipt, and their State's ledger.
 * They see their own State's responses only; the API refuses them anything else.
 */
@Controller
@RequiredArgsConstructor
public class FocalPointPages {

    private final GatewayApi api;

    /**
     * The notes verbales addressed to the person's State, open first, each with its deadline and the date of the
     * State's last answer (from the State's ledger: two calls to the API, however many notes there are).
     */
    @GetMapping("/my-notes")
    public Mono<String> myNotes(@AuthenticationPrincipal OidcUser user, Model model) {
        Pages.Me me = Pages.me(user);
        if (!me.focalPoint()) {
            return Mono.just("redirect:/");
        }
        return Mono.zip(api.get("/api/notes-verbales").map(Json::list),
                        api.get("/api/notes-verbales/ledger/" + GatewayApi.segment(me.state())).map(Json::list))
                .map(both -> {
                    Map<String, Object> lastAnswer = new HashMap<>();
                    for (Map<String, Object> entry : both.getT2()) {
                        if ("RESPONSE".equals(entry.get("kind"))) {
                            lastAnswer.merge(String.valueOf(entry.get("noteId")), entry.get("date"),
                                    (a, b) -> a.toString().compareTo(b.toString()) >= 0 ? a : b);
                        }
                    }
                    List<Map<String, Object>> notes = new ArrayList<>();
                    for (Map<String, Object> note : both.getT1()) {
                        if (!"DRAFT".equals(note.get("status"))) {
                            Map<String, Object> row = Json.of(note);
                            Object last = lastAnswer.get(String.valueOf(note.get("id")));
                            row.put("answered", last != null);
                            row.put("lastAnswer", last);
                            notes.add(row);
                        }
                    }
                    notes.sort(Comparator.comparing((Map<String, Object> n) -> !"OPEN".equals(n.get("status")))
                            .thenComparing(n -> String.valueOf(n.get("deadline") == null ? "9999" : n.get("deadline"))));
                    model.addAttribute("notes", notes);
                    return "my-notes";
                });
    }

    @GetMapping("/my-notes/{id}")
    public Mono<String> answerForm(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        return form(id, Pages.me(user), model);
    }

    private Mono<String> form(String id, Pages.Me me, Model model) {
        return Mono.zip(api.get("/api/notes-verbales/" + GatewayApi.segment(id)).map(Json::map),
                        api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/responses").map(Json::list))
                .map(both -> {
                    Object addressees = both.getT1().get("addressees");
                    if (!(addressees instanceof List<?> list) || !list.contains(me.state())) {
                        // a note verbale not addressed to the focal point's State is not theirs to answer
                        throw new GatewayApi.ApiProblem(404, "This note verbale is not addressed to " + me.state(), Map.of());
                    }
                    model.addAttribute("note", both.getT1());
                    List<Map<String, Object>> responses = both.getT2();
                    Map<String, Object> current = responses.stream().filter(r -> Boolean.TRUE.equals(r.get("current")))
                            .findFirst().orElse(null);
                    model.addAttribute("current", current);
                    model.addAttribute("responses", responses);
                    return "answer";
                });
    }

    /** Sends the answers as the State's response, received today; an earlier one is superseded and stays in history. */
    @PostMapping("/my-notes/{id}")
    public Mono<String> answer(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                               Model model) {
        Pages.Me me = Pages.me(user);
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stateCode", me.state());
            body.put("receivedOn", LocalDate.now(Pages.VIENNA).toString());
            body.put("substantive", true);
            Map<String, String> answers = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith("answer.") && !values.isEmpty() && !values.get(0).isBlank()) {
                    answers.put(name.substring("answer.".length()), values.get(0));
                }
            });
            body.put("answers", answers);
            body.put("channel", "CONSOLE");
            return api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/responses", body)
                    .map(receipt -> "redirect:/my-notes/" + id + "/receipt/" + receipt.path("responseId").asText())
                    .onErrorResume(GatewayApi.ApiProblem.class, problem -> {
                        model.addAttribute("problem", problem);
                        model.addAttribute("form", Json.of(form.toSingleValueMap()));
                        return form(id, me, model);
                    });
        });
    }

    @GetMapping("/my-notes/{id}/receipt/{responseId}")
    public Mono<String> receipt(@PathVariable String id, @PathVariable String responseId, Model model) {
        return Mono.zip(api.get("/api/notes-verbales/" + GatewayApi.segment(id)).map(Json::map),
                        api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/responses/" + GatewayApi.segment(responseId)).map(Json::map))
                .map(both -> {
                    model.addAttribute("note", both.getT1());
                    model.addAttribute("response", both.getT2());
                    return "receipt";
                });
    }

    @GetMapping("/ledger")
    public Mono<String> ledger(@AuthenticationPrincipal OidcUser user, Model model) {
        Pages.Me me = Pages.me(user);
        return api.get("/api/notes-verbales/ledger/" + GatewayApi.segment(me.state())).map(Json::list).map(entries -> {
            model.addAttribute("entries", entries);
            return "ledger";
        });
    }
}
