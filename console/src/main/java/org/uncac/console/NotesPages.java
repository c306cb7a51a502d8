package org.uncac.console;

import com.fasterxml.jackson.databind.JsonNode;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import static org.uncac.console.FormValues.blankToNull;

/**
 * The secretariat's and the chairs' pages of notes verbales: the open ones (nearest deadline first), all of
 * them, one note with its figures as at a date and the secretariat's actions, and the draft editor.
 */
@Controller
@RequiredArgsConstructor
public class NotesPages {

    /** Empty question rows the editor offers beyond the ones a draft has. */
    static final int SPARE_QUESTIONS = 2;

    private final GatewayApi api;

    /** The notes open as at a date (today unless the as-at bar says otherwise), those due within a week first. */
    @GetMapping("/notes/open")
    public Mono<String> open(@RequestParam(required = false) String asAt, @RequestParam(required = false) String recordedBy,
                             Model model) {
        String date = asAt == null || asAt.isBlank() ? LocalDate.now(Pages.VIENNA).toString() : asAt;
        String as = "?asAt=" + enc(date) + (recordedBy == null || recordedBy.isBlank() ? "" : "&recordedBy=" + enc(recordedBy));
        return api.get("/api/notes-verbales/open" + as).map(Json::list).map(notes -> {
            LocalDate week = LocalDate.parse(date).plusDays(7);   // the API has accepted the date
            List<Map<String, Object>> sorted = new ArrayList<>(notes);
            // deadlines that pass this week first, then by deadline; notes without one last
            sorted.sort(Comparator.comparing((Map<String, Object> n) -> n.get("deadline") == null
                            || LocalDate.parse(n.get("deadline").toString()).isAfter(week))
                    .thenComparing(n -> String.valueOf(n.get("deadline") == null ? "9999" : n.get("deadline"))));
            model.addAttribute("notes", sorted);
            model.addAttribute("week", week.toString());
            return "notes-open";
        });
    }

    @GetMapping("/notes")
    public Mono<String> all(@RequestParam(required = false) String status, @RequestParam(required = false) String year,
                            @RequestParam(required = false) String q, Model model) {
        List<String> filters = new ArrayList<>();
        if (status != null && List.of("DRAFT", "OPEN", "CLOSED").contains(status)) {
            filters.add("status=" + status);
        }
        if (year != null && year.matches("\\d{4}")) {
            filters.add("from=" + year + "-01-01&to=" + year + "-12-31");
        }
        if (q != null && !q.isBlank()) {
            filters.add("q=" + enc(q.strip()));
        }
        model.addAttribute("status", status);
        model.addAttribute("year", year);
        model.addAttribute("q", q);
        return api.get("/api/notes-verbales" + (filters.isEmpty() ? "" : "?" + String.join("&", filters))).map(Json::list).map(notes -> {
            model.addAttribute("notes", notes);
            return "notes";
        });
    }

    @GetMapping("/notes/{id}")
    public Mono<String> one(@PathVariable String id, @RequestParam(required = false) String asAt,
                            @RequestParam(required = false) String recordedBy, @RequestParam(required = false) String done,
                            @AuthenticationPrincipal OidcUser user, Model model) {
        return note(id, asAt, recordedBy, Pages.me(user), model).map(view -> {
            model.addAttribute("done", done);
            return view;
        });
    }

    /** The note page's figures: everything as at {@code asAt}, and as recorded by {@code recordedBy} when given. */
    private Mono<String> note(String id, String asAt, String recordedBy, Pages.Me me, Model model) {
        String date = asAt == null || asAt.isBlank() ? LocalDate.now(Pages.VIENNA).toString() : asAt;
        String as = "asAt=" + enc(date) + (recordedBy == null || recordedBy.isBlank() ? "" : "&recordedBy=" + enc(recordedBy));
        return api.get("/api/notes-verbales/" + GatewayApi.segment(id)).flatMap(noteNode -> {
            Map<String, Object> note = Json.map(noteNode);
            model.addAttribute("note", note);
            if ("DRAFT".equals(note.get("status"))) {
                return Mono.just("note");
            }
            return Mono.zip(api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/response-rate?" + as),
                            api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/non-respondents?" + as),
                            api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/response-curve?to=" + enc(curveEnd(note, date))
                                    + (recordedBy == null || recordedBy.isBlank() ? "" : "&recordedBy=" + enc(recordedBy))),
                            me.secretariat() ? api.get("/api/notes-verbales/" + GatewayApi.segment(id) + "/responses") : Mono.just(JsonNodeFactory.instance.arrayNode()),
                            api.get("/api/notes-verbales/all-states-parties?asAt=" + enc(date)))
                    .map(all -> {
                        Map<String, Object> rate = Json.map(all.getT1());
                        model.addAttribute("rate", rate);
                        Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
                        Json.list(all.getT5()).forEach(p -> parties.put(String.valueOf(p.get("code")), p));
                        model.addAttribute("parties", parties);
                        List<Map<String, Object>> nonRespondents = new ArrayList<>();
                        for (JsonNode code : all.getT2()) {
                            Map<String, Object> row = Json.of(Map.of());
                            row.put("code", code.asText());
                            Map<String, Object> party = parties.get(code.asText());
                            row.put("name", party == null ? code.asText() : party.get("name"));
                            row.put("regionalGroup", party == null ? null : party.get("regionalGroup"));
                            row.put("reminded", remindedOn(note, code.asText()));
                            nonRespondents.add(row);
                        }
                        model.addAttribute("nonRespondents", nonRespondents);
                        List<Map<String, Object>> curve = Json.list(all.getT3());
                        model.addAttribute("curve", ResponseCurve.of(curve, ((Number) rate.getOrDefault("addressees", 0)).intValue(),
                                note.get("deadline") == null ? null : note.get("deadline").toString()));
                        model.addAttribute("responses", Json.list(all.getT4()));
                        return "note";
                    });
        });
    }

    /**
     * Where the response curve ends: the as-at date, or the closure of the collection when that came first, and
     * never more than the ten years after the issue date that the API draws.
     */
    static String curveEnd(Map<String, Object> note, String asAt) {
        try {
            LocalDate end = LocalDate.parse(asAt);
            Object closed = note.get("closedOn");
            if (closed != null && !closed.toString().equals("null") && LocalDate.parse(closed.toString()).isBefore(end)) {
                end = LocalDate.parse(closed.toString());
            }
            Object issued = note.get("issuedOn");
            if (issued != null && !issued.toString().equals("null")) {
                LocalDate tenYears = LocalDate.parse(issued.toString()).plusDays(3650);
                end = end.isAfter(tenYears) ? tenYears : end;
            }
            return end.toString();
        } catch (DateTimeParseException e) {
            return asAt;   // the API names the field
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> remindedOn(Map<String, Object> note, String code) {
        List<String> dates = new ArrayList<>();
        for (Object reminder : (List<Object>) note.getOrDefault("reminders", List.of())) {
            Map<String, Object> r = (Map<String, Object>) reminder;
            if (((List<Object>) r.getOrDefault("addressees", List.of())).contains(code)) {
                dates.add(String.valueOf(r.get("date")));
            }
        }
        return dates;
    }

    /** Sends a reminder to exactly the addressees who had not answered by its date. */
    @PostMapping("/notes/{id}/reminders")
    public Mono<String> remind(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                               Model model) {
        return action(id, exchange, user, model, form -> api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/reminders",
                        Map.of("date", form.getFirst("date")))
                .map(answer -> "reminder:" + answer.path("addressees").size() + ":" + form.getFirst("date")));
    }

    /** Records a response that reached the secretariat by e-mail, letter or in person, for the State that sent it. */
    @PostMapping("/notes/{id}/recorded-responses")
    public Mono<String> record(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                               Model model) {
        return action(id, exchange, user, model, form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stateCode", form.getFirst("stateCode"));
            body.put("receivedOn", form.getFirst("receivedOn"));
            body.put("substantive", "true".equals(form.getFirst("substantive")));
            body.put("channel", form.getFirst("channel"));
            body.put("answers", answers(form));
            return api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/responses", body)
                    .map(answer -> "recorded:" + form.getFirst("stateCode"));
        });
    }

    @PostMapping("/notes/{id}/deadline")
    public Mono<String> extend(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                               Model model) {
        return action(id, exchange, user, model, form -> api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/deadline-extensions",
                Map.of("deadline", form.getFirst("deadline"))).map(answer -> "extended:" + form.getFirst("deadline")));
    }

    @PostMapping("/notes/{id}/closure")
    public Mono<String> close(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                              Model model) {
        return action(id, exchange, user, model, form -> api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/closure",
                Map.of("date", form.getFirst("date"))).map(answer -> "closed:" + form.getFirst("date")));
    }

    @PostMapping("/notes/{id}/issuance")
    public Mono<String> issue(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user,
                              Model model) {
        return action(id, exchange, user, model, form -> api.send("POST", "/api/notes-verbales/" + GatewayApi.segment(id) + "/issuance",
                Map.of("date", form.getFirst("date"))).map(answer -> "issued:" + answer.path("addressees").size()));
    }

    /** Runs an action; afterwards the note again with what was done, or with the API's problem beside its fields. */
    private Mono<String> action(String id, ServerWebExchange exchange, OidcUser user, Model model,
                                Function<MultiValueMap<String, String>, Mono<String>> send) {
        return FormActions.send(exchange, model, "/notes/" + id, send, () -> note(id, null, null, Pages.me(user), model));
    }

    private static Map<String, String> answers(MultiValueMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("answer.") && !values.isEmpty() && !values.get(0).isBlank()) {
                answers.put(name.substring("answer.".length()), values.get(0));
            }
        });
        return answers;
    }

    @GetMapping(value = "/notes/{id}/responses.csv")
    public Mono<ResponseEntity<String>> responsesCsv(@PathVariable String id) {
        return csv("/api/notes-verbales/" + GatewayApi.segment(id) + "/responses/export", "responses-" + id + ".csv");
    }

    @GetMapping(value = "/notes/{id}/non-respondents.csv")
    public Mono<ResponseEntity<String>> nonRespondentsCsv(@PathVariable String id, @RequestParam(required = false) String asAt) {
        String date = asAt == null || asAt.isBlank() ? LocalDate.now(Pages.VIENNA).toString() : asAt;
        return csv("/api/notes-verbales/" + GatewayApi.segment(id) + "/non-respondents/export?asAt=" + enc(date), "non-respondents-" + date + ".csv");
    }

    private Mono<ResponseEntity<String>> csv(String path, String file) {
        return api.text(path).map(body -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9.-]", "-") + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body));
    }

    // ---- drafts ----

    /**
     * A new draft; other pages may fill it in (the directory's stale entries give their States, a subject and a
     * question), and nothing is stored until the officer saves it.
     */
    @GetMapping("/notes/new")
    public Mono<String> newDraft(@RequestParam(required = false) String addressees, @RequestParam(required = false) String subject,
                                 @RequestParam(required = false) String question, Model model) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("addressees", addressees == null || addressees.isBlank() ? "ALL_STATES_PARTIES" : addressees.strip());
        draft.put("subject", subject);
        model.addAttribute("draft", Json.of(draft));
        model.addAttribute("questions", questionRows(question == null || question.isBlank() ? List.of()
                : List.of(Map.of("id", "q1", "text", question.strip(), "type", "FREE_TEXT"))));
        return Mono.just("draft");
    }

    @GetMapping("/notes/{id}/edit")
    public Mono<String> edit(@PathVariable String id, Model model) {
        return api.get("/api/notes-verbales/" + GatewayApi.segment(id)).map(Json::map).map(note -> {
            Map<String, Object> draft = Json.of(note);
            Object addressees = note.get("addressees");
            draft.put("addressees", addressees instanceof List<?> list ? String.join(", ", list.stream().map(Object::toString).toList())
                    : String.valueOf(addressees));
            model.addAttribute("draft", draft);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> questions = (List<Map<String, Object>>) note.getOrDefault("questions", List.of());
            model.addAttribute("questions", questionRows(questions));
            return "draft";
        });
    }

    /** Saves a new draft or a revision ({@code id} given); "add a question" saves nothing and offers more rows. */
    @PostMapping({"/notes", "/notes/{id}/edit"})
    public Mono<String> save(@PathVariable(required = false) String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = draftBody(form);
            List<Map<String, Object>> rows = questionsOf(form, true);
            if (form.getFirst("more") != null) {
                model.addAttribute("draft", Json.of(form.toSingleValueMap()));
                model.addAttribute("questions", questionRows(rows));
                return Mono.just("draft");
            }
            Mono<JsonNode> sent = id == null ? api.send("POST", "/api/notes-verbales", body)
                    : api.send("PUT", "/api/notes-verbales/" + GatewayApi.segment(id), body);
            return sent.map(answer -> "redirect:/notes/" + (id != null ? id : answer.path("id").asText()))
                    .onErrorResume(GatewayApi.ApiProblem.class, problem -> {
                        model.addAttribute("problem", problem);
                        model.addAttribute("draft", Json.of(form.toSingleValueMap()));
                        model.addAttribute("questions", questionRows(rows));
                        return Mono.just("draft");
                    });
        });
    }

    private static Map<String, Object> draftBody(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", blankToNull(form.getFirst("reference")));
        body.put("subject", blankToNull(form.getFirst("subject")));
        body.put("body", blankToNull(form.getFirst("body")));
        String addressees = form.getFirst("addressees") == null ? "" : form.getFirst("addressees").strip();
        body.put("addressees", addressees.isEmpty() || addressees.equals("ALL_STATES_PARTIES") ? "ALL_STATES_PARTIES"
                : List.of(addressees.toUpperCase(Locale.ROOT).split("[\\s,;]+")));
        body.put("deadline", blankToNull(form.getFirst("deadline")));
        body.put("questions", questionsOf(form, false));
        String mandates = form.getFirst("mandates");
        if (mandates != null && !mandates.isBlank()) {
            body.put("mandates", List.of(mandates.strip().split("\\s*\\n\\s*")));
        }
        return body;
    }

    /** The question rows of the editor's form; {@code keepBlank} keeps rows without text (to show them again). */
    private static List<Map<String, Object>> questionsOf(MultiValueMap<String, String> form, boolean keepBlank) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int i = 0; form.containsKey("q" + i + ".text"); i++) {
            String text = form.getFirst("q" + i + ".text");
            if (!keepBlank && (text == null || text.isBlank())) {
                continue;
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", blankToNull(form.getFirst("q" + i + ".id")) == null ? "q" + (questions.size() + 1) : form.getFirst("q" + i + ".id").strip());
            q.put("text", text == null ? "" : text.strip());
            q.put("type", blankToNull(form.getFirst("q" + i + ".type")) == null ? "FREE_TEXT" : form.getFirst("q" + i + ".type"));
            String choices = form.getFirst("q" + i + ".choices");
            if ("CHOICE".equals(q.get("type")) && choices != null && !choices.isBlank()) {
                q.put("choices", List.of(choices.strip().split("\\s*;\\s*")));
            }
            questions.add(q);
        }
        return questions;
    }

    private static List<Map<String, Object>> questionRows(List<Map<String, Object>> questions) {
        List<Map<String, Object>> rows = new ArrayList<>(questions.stream().map(Json::of).toList());
        for (int i = 0; i < SPARE_QUESTIONS; i++) {
            rows.add(Json.of(Map.of("id", "", "text", "", "type", "FREE_TEXT")));
        }
        return rows;
    }

    static String enc(String value) {
        return GatewayApi.query(value);
    }
}
