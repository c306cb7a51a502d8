package org.uncac.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.uncac.console.FormValues.blankToNull;
import static org.uncac.console.FormValues.present;

/**
 * Meetings as chairs and the secretariat work with them: the list and a calendar, one meeting (its agenda, sessions,
 * attendance, the report's adoption and the silence procedure), the agenda editor whose every save is a new
 * provisional version, the versions side by side with their differences, and the chair's next meeting.
 */
@Controller
@RequiredArgsConstructor
public class MeetingsPages {

    private final GatewayApi api;

    @GetMapping("/meetings")
    public Mono<String> list(@RequestParam(required = false) String view, Model model) {
        return api.get("/api/meetings").map(Json::list).map(meetings -> {
            List<Map<String, Object>> latestFirst = latestFirst(meetings);
            model.addAttribute("meetings", latestFirst);
            model.addAttribute("calendar", "calendar".equals(view) ? calendar(latestFirst) : null);
            return "meetings";
        });
    }

    /** Meetings as pages list them: the latest first. */
    static List<Map<String, Object>> latestFirst(List<Map<String, Object>> meetings) {
        List<Map<String, Object>> sorted = new ArrayList<>(meetings);
        sorted.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("start"))).reversed());
        return sorted;
    }

    /** Year by year (latest first), the months in which a meeting starts, with their meetings. */
    static Map<Integer, Map<YearMonth, List<Map<String, Object>>>> calendar(List<Map<String, Object>> meetings) {
        Map<Integer, Map<YearMonth, List<Map<String, Object>>>> years = new TreeMap<>(Comparator.reverseOrder());
        for (Map<String, Object> meeting : meetings) {
            YearMonth month = YearMonth.from(LocalDate.parse(String.valueOf(meeting.get("start"))));
            years.computeIfAbsent(month.getYear(), y -> {
                Map<YearMonth, List<Map<String, Object>>> months = new LinkedHashMap<>();
                for (int m = 1; m <= 12; m++) {
                    months.put(YearMonth.of(y, m), new ArrayList<>());
                }
                return months;
            }).get(month).add(meeting);
        }
        return years;
    }

    /** The iCal feed, fetched with the person's token: a calendar program can subscribe to the API's feed itself. */
    @GetMapping("/meetings/calendar.ics")
    public Mono<ResponseEntity<String>> feed() {
        return api.text("/api/meetings/calendar.ics").map(body -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"uncac-meetings.ics\"")
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(body));
    }

    @GetMapping("/meetings/{id}")
    public Mono<String> one(@PathVariable String id, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return meeting(id, from, to, model);
    }

    private Mono<String> meeting(String id, String from, String to, Model model) {
        String path = "/api/meetings/" + GatewayApi.segment(id);
        boolean compare = present(from) && present(to);
        return Mono.zip(api.get(path), api.get(path + "/agenda/versions"), api.get(path + "/history"),
                        compare ? api.get(path + "/agenda/diff?from=" + GatewayApi.query(from) + "&to=" + GatewayApi.query(to))
                                : Mono.<JsonNode>just(NullNode.instance))
                .map(all -> {
                    Map<String, Object> meeting = Json.map(all.getT1());
                    model.addAttribute("meeting", meeting);
                    List<Map<String, Object>> versions = Json.list(all.getT2());
                    model.addAttribute("versions", versions);
                    model.addAttribute("history", Json.list(all.getT3()));
                    model.addAttribute("diff", compare ? Json.map(all.getT4()) : null);
                    model.addAttribute("from", compare ? from : versions.size() > 1 ? versionKey(versions.get(versions.size() - 2)) : "1");
                    model.addAttribute("to", compare ? to : versions.isEmpty() ? "1" : versionKey(versions.get(versions.size() - 1)));
                    model.addAttribute("sideBySide", compare ? sideBySide(versions, from, to) : null);
                    return "meeting";
                });
    }

    private static String versionKey(Map<String, Object> version) {
        return "ADOPTED".equals(version.get("status")) ? "adopted" : String.valueOf(version.get("version"));
    }

    /** The two versions compared, as two lists of item titles. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> sideBySide(List<Map<String, Object>> versions, String from, String to) {
        List<List<Object>> columns = new ArrayList<>();
        for (String key : List.of(from, to)) {
            columns.add(versions.stream().filter(v -> versionKey(v).equals(key)).findFirst()
                    .map(v -> ((List<Object>) v.getOrDefault("items", List.of())).stream()
                            .map(item -> ((Map<String, Object>) item).get("title")).toList())
                    .orElse(List.of()));
        }
        return columns;
    }

    // ---- the agenda editor ----

    @GetMapping("/meetings/{id}/agenda")
    public Mono<String> editor(@PathVariable String id, Model model) {
        String path = "/api/meetings/" + GatewayApi.segment(id);
        return Mono.zip(api.get(path), api.get(path + "/agenda/versions"), openRecommendations()).map(all -> {
            Map<String, Object> meeting = Json.map(all.getT1());
            List<Map<String, Object>> versions = Json.list(all.getT2());
            Map<String, Object> latest = latestProvisional(versions);
            model.addAttribute("meeting", meeting);
            model.addAttribute("symbol", latest.get("symbol"));
            model.addAttribute("rows", AgendaForm.rows(latestProvisionalItems(versions)));
            model.addAttribute("recommendations", all.getT3());
            model.addAttribute("version", latest.get("version"));
            return "agenda";
        });
    }

    private static Map<String, Object> latestProvisional(List<Map<String, Object>> versions) {
        return versions.stream().filter(v -> !"ADOPTED".equals(v.get("status"))).reduce((first, second) -> second)
                .orElse(Json.of(Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> latestProvisionalItems(List<Map<String, Object>> versions) {
        return (List<Map<String, Object>>) latestProvisional(versions).getOrDefault("items", List.of());
    }

    /** Saves the editor's agenda as the next provisional version, adopts it, or offers another empty row. */
    @PostMapping("/meetings/{id}/agenda")
    public Mono<String> saveAgenda(@PathVariable String id, ServerWebExchange exchange, Model model) {
        String path = "/api/meetings/" + GatewayApi.segment(id);
        return exchange.getFormData().flatMap(form -> {
            if (form.getFirst("more") != null) {
                List<Map<String, Object>> rows = new ArrayList<>(AgendaForm.rowsOf(form));
                rows.add(AgendaForm.blankRow());
                return editorAgain(id, form, rows, null, model);
            }
            List<Map<String, Object>> items = AgendaForm.items(form);
            Mono<String> sent;
            if (form.getFirst("adopt") != null) {
                // items are sent only where the chair changed the last provisional version: the API adopts them as amended
                sent = api.get(path + "/agenda/versions").map(Json::list).flatMap(versions -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("date", blankToNull(form.getFirst("adoptedOn")));
                    if (!AgendaForm.unchanged(form, latestProvisionalItems(versions))) {
                        body.put("items", items);
                    }
                    return api.send("POST", path + "/agenda-adoption", body);
                }).map(answer -> "agenda-adopted:" + form.getFirst("adoptedOn"));
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("symbol", blankToNull(form.getFirst("symbol")));
                body.put("items", items);
                sent = api.send("PUT", path + "/provisional-agenda", body).map(answer -> "agenda-saved:" + items.size());
            }
            return sent.flatMap(done -> Mono.just("redirect:/meetings/" + id + "?done=" + GatewayApi.query(done)))
                    .onErrorResume(GatewayApi.ApiProblem.class, problem ->
                            editorAgain(id, form, AgendaForm.rowsOf(form), problem, model));
        });
    }

    private Mono<String> editorAgain(String id, MultiValueMap<String, String> form, List<Map<String, Object>> rows,
                                     GatewayApi.ApiProblem problem, Model model) {
        return Mono.zip(api.get("/api/meetings/" + GatewayApi.segment(id)), openRecommendations()).map(both -> {
            model.addAttribute("meeting", Json.map(both.getT1()));
            model.addAttribute("symbol", form.getFirst("symbol"));
            model.addAttribute("adoptedOn", form.getFirst("adoptedOn"));
            model.addAttribute("rows", rows);
            model.addAttribute("recommendations", both.getT2());
            model.addAttribute("problem", problem);
            return "agenda";
        });
    }

    /** Recommendations an agenda item may take up: the body's, and the Conference's that are not yet closed. */
    private Mono<List<Map<String, Object>>> openRecommendations() {
        return api.get("/api/recommendations").map(Json::list).map(all -> all.stream()
                .filter(r -> !List.of("IMPLEMENTED", "SUPERSEDED").contains(String.valueOf(r.get("status"))))
                .toList());
    }

    // ---- the meeting's actions ----

    @PostMapping("/meetings/{id}/sessions")
    public Mono<String> session(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return action(id, exchange, model, form -> {
            Map<String, Object> chair = new LinkedHashMap<>();
            chair.put("name", blankToNull(form.getFirst("chairName")));
            chair.put("stateCode", blankToNull(upper(form.getFirst("chairState"))));
            chair.put("role", blankToNull(form.getFirst("chairRole")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", blankToNull(form.getFirst("date")));
            body.put("chair", chair);
            return send(id, "/sessions", body, "session:" + form.getFirst("date"));
        });
    }

    @PostMapping("/meetings/{id}/silence-procedure")
    public Mono<String> silence(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return action(id, exchange, model, form -> send(id, "/silence-procedure",
                body("opened", form.getFirst("opened"), "deadline", form.getFirst("deadline")), "silence:" + form.getFirst("deadline")));
    }

    @PostMapping("/meetings/{id}/objections")
    public Mono<String> objection(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return action(id, exchange, model, form -> send(id, "/silence-procedure/objections",
                body("date", form.getFirst("date"), "by", form.getFirst("by"), "objection", form.getFirst("objection")),
                "objection:" + form.getFirst("by")));
    }

    @PostMapping("/meetings/{id}/report-adoption")
    public Mono<String> report(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return action(id, exchange, model, form -> send(id, "/report-adoption",
                body("date", form.getFirst("date"), "method", form.getFirst("method")), "report:" + form.getFirst("date")));
    }

    private Mono<String> send(String id, String action, Map<String, Object> body, String done) {
        return api.send("POST", "/api/meetings/" + GatewayApi.segment(id) + action, body).map(answer -> done);
    }

    /** Runs an action; afterwards the meeting again with what was done, or with the API's problem beside its fields. */
    private Mono<String> action(String id, ServerWebExchange exchange, Model model,
                                Function<MultiValueMap<String, String>, Mono<String>> send) {
        return FormActions.send(exchange, model, "/meetings/" + id, send, () -> meeting(id, null, null, model));
    }

    // ---- the chair's next meeting ----

    @GetMapping("/meetings/next")
    public Mono<String> next(Model model) {
        return api.get("/api/meetings/next").map(Json::map).map(next -> {
            model.addAttribute("next", next);
            return "next-meeting";
        }).onErrorResume(GatewayApi.ApiProblem.class, problem -> {
            if (problem.status() != 404) {
                return Mono.error(problem);
            }
            model.addAttribute("next", null);
            return Mono.just("next-meeting");
        });
    }

    private static Map<String, Object> body(String... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put(keysAndValues[i], blankToNull(keysAndValues[i + 1]));
        }
        return body;
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

}
