package org.uncac.console;

import lombok.RequiredArgsConstructor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.uncac.console.FormValues.blankToNull;
import static org.uncac.console.FormValues.date;
import static org.uncac.console.FormValues.present;

/**
 * Recommendations as the secretariat follows them up: a board by status and theme as at a date, one recommendation
 * with its lineage and its follow-up from every source, the proposals States made at a meeting and their adoption,
 * and the progress note for a meeting (previewed here, downloaded as DOCX or Markdown).
 */
@Controller
@RequiredArgsConstructor
public class RecommendationsPages {

    static final List<String> STATUSES = List.of("ADOPTED", "IN_PROGRESS", "ONGOING", "IMPLEMENTED", "SUPERSEDED");
    static final List<String> THEMES = List.of("CUMULATIVE_KNOWLEDGE", "CONFIDENCE_AND_TRUST", "TECHNICAL_ASSISTANCE");
    static final List<String> ADDRESSEES = List.of("STATES_PARTIES", "SECRETARIAT", "EXPERT_MEETING", "CONFERENCE");

    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();

    private final GatewayApi api;

    @GetMapping("/recommendations")
    public Mono<String> board(@RequestParam(required = false) String asAt, @RequestParam(required = false) String recordedBy,
                              @RequestParam(required = false) String meeting, @RequestParam(required = false) String resolution,
                              @RequestParam(required = false) String article, @RequestParam(required = false) String addressee,
                              Model model) {
        String as = as(asAt, recordedBy) + (present(meeting) ? "&meetingId=" + GatewayApi.query(meeting) : "");
        return Mono.zip(api.get("/api/recommendations?" + as), api.get("/api/meetings")).map(both -> {
            List<Map<String, Object>> shown = Json.list(both.getT1()).stream()
                    .filter(r -> !present(resolution) || resolution.strip().equals(r.get("resolution")))
                    .filter(r -> !present(article) || ((List<?>) r.getOrDefault("articles", List.of())).stream()
                            .anyMatch(a -> String.valueOf(a).equalsIgnoreCase(article.strip())))
                    .filter(r -> !present(addressee) || addressee.equals(r.get("addressee")))
                    .toList();
            Map<String, List<Map<String, Object>>> byStatus = new LinkedHashMap<>();
            STATUSES.forEach(status -> byStatus.put(status, new ArrayList<>()));
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (String theme : concat(THEMES, "NONE")) {
                Map<String, Integer> row = new LinkedHashMap<>();
                STATUSES.forEach(status -> row.put(status, 0));
                counts.put(theme, row);
            }
            for (Map<String, Object> r : shown) {
                String status = String.valueOf(r.get("status"));
                byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(r);
                List<?> themes = (List<?>) r.getOrDefault("themes", List.of());
                for (Object theme : themes.isEmpty() ? List.of("NONE") : themes) {
                    counts.computeIfAbsent(String.valueOf(theme), t -> new LinkedHashMap<>()).merge(status, 1, Integer::sum);
                }
            }
            model.addAttribute("byStatus", byStatus);
            model.addAttribute("counts", counts);
            model.addAttribute("statuses", STATUSES);
            model.addAttribute("addressees", ADDRESSEES);
            model.addAttribute("total", shown.size());
            model.addAttribute("meetings", meetingNames(Json.list(both.getT2())));
            model.addAttribute("meeting", meeting);
            model.addAttribute("resolution", resolution);
            model.addAttribute("article", article);
            model.addAttribute("addressee", addressee);
            model.addAttribute("resolutions", Json.list(both.getT1()).stream().map(r -> r.get("resolution"))
                    .filter(r -> r != null).map(String::valueOf).distinct().sorted().toList());
            return "recommendations";
        });
    }

    @GetMapping("/recommendations/{id}")
    public Mono<String> one(@PathVariable String id, @RequestParam(required = false) String asAt,
                            @RequestParam(required = false) String recordedBy, @RequestParam(required = false) String done,
                            Model model) {
        model.addAttribute("done", done);
        return recommendation(id, asAt, recordedBy, model);
    }

    private Mono<String> recommendation(String id, String asAt, String recordedBy, Model model) {
        return Mono.zip(api.get("/api/recommendations/" + GatewayApi.segment(id) + "?" + as(asAt, recordedBy)), api.get("/api/meetings"))
                .map(both -> {
                    Map<String, Object> recommendation = Json.map(both.getT1());
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> timeline = new ArrayList<>((List<Map<String, Object>>) recommendation.getOrDefault("followUp", List.of()));
                    timeline.sort(Comparator.comparing(entry -> String.valueOf(entry.get("date"))));
                    model.addAttribute("recommendation", recommendation);
                    model.addAttribute("timeline", timeline);
                    model.addAttribute("meetings", meetingNames(Json.list(both.getT2())));
                    model.addAttribute("statuses", STATUSES);
                    return "recommendation";
                });
    }

    @PostMapping("/recommendations/{id}/follow-up")
    public Mono<String> followUp(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return FormActions.send(exchange, model, "/recommendations/" + id, form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", blankToNull(form.getFirst("date")));
            body.put("action", blankToNull(form.getFirst("action")));
            body.put("status", blankToNull(form.getFirst("status")));
            return api.send("POST", "/api/recommendations/" + GatewayApi.segment(id) + "/follow-up", body)
                    .map(answer -> "follow-up:" + form.getFirst("date"));
        }, () -> recommendation(id, null, null, model));
    }

    // ---- proposals ----

    @GetMapping("/recommendations/proposals")
    public Mono<String> proposals(@RequestParam(required = false) String meeting, @RequestParam(required = false) String done,
                                  Model model) {
        model.addAttribute("done", done);
        return proposalsPage(meeting, model);
    }

    private Mono<String> proposalsPage(String meeting, Model model) {
        return Mono.zip(api.get("/api/recommendations/proposals" + (present(meeting) ? "?meetingId=" + GatewayApi.query(meeting) : "")),
                api.get("/api/meetings")).map(both -> {
            List<Map<String, Object>> proposals = new ArrayList<>(Json.list(both.getT1()));
            proposals.sort(Comparator.comparing((Map<String, Object> p) -> String.valueOf(p.get("date"))).reversed());
            model.addAttribute("proposals", proposals);
            model.addAttribute("meetings", meetingNames(Json.list(both.getT2())));
            model.addAttribute("meeting", meeting);
            model.addAttribute("addressees", ADDRESSEES);
            return "proposals";
        });
    }

    @PostMapping("/recommendations/proposals/{id}/adoption")
    public Mono<String> adopt(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("paragraph", blankToNull(form.getFirst("paragraph")));
            body.put("addressee", blankToNull(form.getFirst("addressee")));
            body.put("adoptedOn", blankToNull(form.getFirst("adoptedOn")));
            return api.send("POST", "/api/recommendations/proposals/" + GatewayApi.segment(id) + "/adoption", body)
                    .map(answer -> "redirect:/recommendations/proposals?done=" + GatewayApi.query("adopted:" + form.getFirst("paragraph")))
                    .onErrorResume(GatewayApi.ApiProblem.class, problem -> {
                        model.addAttribute("problem", problem);
                        model.addAttribute("failed", id);
                        return proposalsPage(null, model);
                    });
        });
    }

    // ---- the progress note ----

    @GetMapping("/recommendations/progress-note")
    public Mono<String> progressNote(@RequestParam(required = false) String meeting, @RequestParam(required = false) String asAt,
                                     @RequestParam(required = false) String recordedBy, Model model) {
        return api.get("/api/meetings").map(Json::list).flatMap(meetings -> {
            List<Map<String, Object>> latestFirst = MeetingsPages.latestFirst(meetings);
            model.addAttribute("meetings", latestFirst);
            String chosen = present(meeting) ? meeting : latestFirst.isEmpty() ? null : String.valueOf(latestFirst.get(0).get("id"));
            model.addAttribute("meeting", chosen);
            if (chosen == null) {
                model.addAttribute("preview", null);
                return Mono.just("progress-note");
            }
            String query = progressNoteQuery(chosen, asAt, recordedBy);
            model.addAttribute("query", query);
            return api.text("/api/recommendations/progress-note?" + query + "&format=markdown").map(markdown -> {
                model.addAttribute("preview", HTML.render(MARKDOWN.parse(markdown)));
                return "progress-note";
            });
        });
    }

    @GetMapping("/recommendations/progress-note.docx")
    public Mono<ResponseEntity<byte[]>> progressNoteDocx(@RequestParam String meeting, @RequestParam(required = false) String asAt,
                                                         @RequestParam(required = false) String recordedBy) {
        return api.bytes("/api/recommendations/progress-note?" + progressNoteQuery(meeting, asAt, recordedBy) + "&format=docx")
                .map(body -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-note-" + date(asAt) + ".docx\"")
                        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                        .body(body));
    }

    @GetMapping("/recommendations/progress-note.md")
    public Mono<ResponseEntity<String>> progressNoteMarkdown(@RequestParam String meeting, @RequestParam(required = false) String asAt,
                                                             @RequestParam(required = false) String recordedBy) {
        return api.text("/api/recommendations/progress-note?" + progressNoteQuery(meeting, asAt, recordedBy) + "&format=markdown")
                .map(body -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-note-" + date(asAt) + ".md\"")
                        .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8)).body(body));
    }

    private static String progressNoteQuery(String meeting, String asAt, String recordedBy) {
        return "meeting=" + GatewayApi.query(meeting) + "&" + as(asAt, recordedBy);
    }

    private static Map<String, String> meetingNames(List<Map<String, Object>> meetings) {
        Map<String, String> names = new LinkedHashMap<>();
        MeetingsPages.latestFirst(meetings).forEach(m -> names.put(String.valueOf(m.get("id")), String.valueOf(m.get("title"))));
        return names;
    }

    private static String as(String asAt, String recordedBy) {
        return "asAt=" + GatewayApi.query(date(asAt)) + (present(recordedBy) ? "&recordedBy=" + GatewayApi.query(recordedBy.strip()) : "");
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

}
