package org.uncac.console;

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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.uncac.console.FormValues.blankToNull;
import static org.uncac.console.FormValues.date;
import static org.uncac.console.FormValues.part;
import static org.uncac.console.FormValues.present;
import static org.uncac.console.FormValues.split;
import static org.uncac.console.FormValues.text;

/**
 * The directory of competent national authorities: entries as at a date with filters and their CSV, an entry with
 * its history and (for the secretariat and the entry's own State) its update, coverage per authority type over
 * time and by regional group, and the secretariat's list of stale entries.
 */
@Controller
@RequiredArgsConstructor
public class DirectoryPages {

    static final List<String> TYPES = List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY",
            "CIVIL_ADMINISTRATIVE");

    private final GatewayApi api;

    @GetMapping("/directory")
    public Mono<String> entries(@RequestParam(required = false) String asAt, @RequestParam(required = false) String recordedBy,
                                @RequestParam(required = false) String state, @RequestParam(required = false) String type,
                                @RequestParam(required = false) String language, Model model) {
        String filters = filters(asAt, recordedBy, state, type, language);
        model.addAttribute("state", state);
        model.addAttribute("type", type);
        model.addAttribute("language", language);
        model.addAttribute("types", TYPES);
        model.addAttribute("filters", filters);
        return api.get("/api/directory/authorities?" + filters).map(Json::list).map(entries -> {
            model.addAttribute("entries", entries);
            return "directory";
        });
    }

    @GetMapping("/directory/export.csv")
    public Mono<ResponseEntity<String>> export(@RequestParam(required = false) String asAt, @RequestParam(required = false) String recordedBy,
                                               @RequestParam(required = false) String state, @RequestParam(required = false) String type,
                                               @RequestParam(required = false) String language) {
        return api.text("/api/directory/authorities/export?" + filters(asAt, recordedBy, state, type, language))
                .map(body -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"directory-" + date(asAt) + ".csv\"")
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body));
    }

    private static String filters(String asAt, String recordedBy, String state, String type, String language) {
        List<String> filters = new ArrayList<>();
        filters.add("asAt=" + GatewayApi.query(date(asAt)));
        if (present(recordedBy)) {
            filters.add("recordedBy=" + GatewayApi.query(recordedBy.strip()));
        }
        if (present(state)) {
            filters.add("stateCode=" + GatewayApi.query(state.strip().toUpperCase(Locale.ROOT)));
        }
        if (present(type)) {
            filters.add("type=" + GatewayApi.query(type));
        }
        if (present(language)) {
            filters.add("language=" + GatewayApi.query(language.strip().toLowerCase(Locale.ROOT)));
        }
        return String.join("&", filters);
    }

    // ---- coverage ----

    /** Coverage per type as at a date (beside the published figures), by regional group, and over the years before. */
    @GetMapping("/directory/coverage")
    public Mono<String> coverage(@RequestParam(required = false) String asAt, @RequestParam(required = false) String recordedBy,
                                 @RequestParam(required = false) String from, Model model) {
        String date = date(asAt);
        String since = present(from) ? from : seriesStart(date);
        String recorded = present(recordedBy) ? "&recordedBy=" + GatewayApi.query(recordedBy.strip()) : "";
        return Mono.zip(api.get("/api/directory/coverage?asAt=" + GatewayApi.query(date) + recorded),
                        api.get("/api/directory/coverage/series?from=" + GatewayApi.query(since) + "&to=" + GatewayApi.query(date)
                                + "&step=MONTH" + recorded),
                        api.get("/api/directory/authorities?asAt=" + GatewayApi.query(date) + recorded),
                        api.get("/api/directory/states-parties?asAt=" + GatewayApi.query(date) + recorded))
                .map(all -> {
                    model.addAttribute("coverage", Json.map(all.getT1()));
                    List<Map<String, Object>> series = Json.list(all.getT2());
                    model.addAttribute("series", series);
                    model.addAttribute("chart", CoverageChart.of(series, TYPES));
                    model.addAttribute("byGroup", byRegionalGroup(Json.list(all.getT3()), Json.list(all.getT4())));
                    model.addAttribute("types", TYPES);
                    model.addAttribute("from", since);
                    return "coverage";
                });
    }

    private static String seriesStart(String asAt) {
        try {
            return LocalDate.parse(asAt).minusYears(5).withDayOfMonth(1).toString();
        } catch (DateTimeParseException e) {
            return asAt;   // the API names the field
        }
    }

    /**
     * For each regional group: its parties, and for each type how many of them have at least one entry in force.
     * Groups in the order the United Nations list them; parties without a group (the European Union) last.
     */
    static Map<String, Map<String, Object>> byRegionalGroup(List<Map<String, Object>> entries, List<Map<String, Object>> parties) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        parties.forEach(p -> groupOf.put(String.valueOf(p.get("code")), p.get("regionalGroup") == null ? "NONE"
                : String.valueOf(p.get("regionalGroup"))));
        Map<String, Map<String, Object>> groups = new TreeMap<>(Comparator.comparingInt(DirectoryPages::groupOrder).thenComparing(group -> group));
        for (String group : groupOf.values()) {
            groups.computeIfAbsent(group, g -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("parties", 0);
                TYPES.forEach(type -> row.put(type, 0));
                return row;
            }).merge("parties", 1, (a, b) -> (Integer) a + (Integer) b);
        }
        Set<String> counted = new HashSet<>();
        for (Map<String, Object> entry : entries) {
            String state = String.valueOf(entry.get("stateCode"));
            String type = String.valueOf(entry.get("type"));
            String group = groupOf.get(state);
            if (group != null && TYPES.contains(type) && counted.add(state + "/" + type)) {
                groups.get(group).merge(type, 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        return groups;
    }

    private static int groupOrder(String group) {
        int at = List.of("AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "LATIN_AMERICAN_AND_CARIBBEAN", "WESTERN_EUROPEAN_AND_OTHERS").indexOf(group);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    // ---- one entry ----

    @GetMapping("/directory/{id}")
    public Mono<String> entry(@PathVariable String id, @RequestParam(required = false) String asAt,
                              @RequestParam(required = false) String done, @AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("done", done);
        return entryPage(id, asAt, Pages.me(user), model);
    }

    private Mono<String> entryPage(String id, String asAt, Pages.Me me, Model model) {
        String path = "/api/directory/authorities/" + GatewayApi.segment(id);
        return Mono.zip(api.get(path + "?asAt=" + GatewayApi.query(date(asAt))), api.get(path + "/history")).map(both -> {
            Map<String, Object> entry = Json.map(both.getT1());
            model.addAttribute("entry", entry);
            model.addAttribute("history", Json.list(both.getT2()));
            model.addAttribute("mayChange", me.secretariat() || (me.focalPoint() && me.state().equals(entry.get("stateCode"))));
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", formOf(entry));
            }
            return "authority";
        });
    }

    /** The update form filled with the entry as it stands: an update replaces every detail. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> formOf(Map<String, Object> entry) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", entry.get("name"));
        form.put("postalAddress", entry.get("postalAddress"));
        form.put("languages", String.join(", ", ((List<Object>) entry.getOrDefault("languages", List.of())).stream().map(String::valueOf).toList()));
        form.put("channels", String.join("\n", ((List<Object>) entry.getOrDefault("channels", List.of())).stream().map(String::valueOf).toList()));
        form.put("requirements", entry.get("requirements"));
        List<String> contacts = new ArrayList<>();
        for (Object c : (List<Object>) entry.getOrDefault("contacts", List.of())) {
            Map<String, Object> contact = (Map<String, Object>) c;
            contacts.add(String.join(" | ", Arrays.asList(text(contact.get("name")), text(contact.get("title")),
                    text(contact.get("phone")), text(contact.get("email")))).replaceAll("( \\| )+$", ""));
        }
        form.put("contacts", String.join("\n", contacts));
        form.put("effective", LocalDate.now(Pages.VIENNA).toString());
        return Json.of(form);
    }

    @PostMapping("/directory/{id}/updates")
    public Mono<String> update(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user, Model model) {
        return FormActions.send(exchange, model, "/directory/" + id,
                form -> api.send("POST", "/api/directory/authorities/" + GatewayApi.segment(id) + "/updates", updateBody(form))
                        .map(answer -> "updated:" + form.getFirst("effective")),
                () -> entryPage(id, null, Pages.me(user), model));
    }

    static Map<String, Object> updateBody(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", blankToNull(form.getFirst("name")));
        body.put("effective", blankToNull(form.getFirst("effective")));
        body.put("postalAddress", blankToNull(form.getFirst("postalAddress")));
        body.put("languages", split(form.getFirst("languages"), "[\\s,;]+").stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
        body.put("channels", split(form.getFirst("channels"), "\\s*\\n\\s*"));
        body.put("requirements", blankToNull(form.getFirst("requirements")));
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (String line : split(form.getFirst("contacts"), "\\s*\\n\\s*")) {
            String[] parts = line.split("\\|", -1);
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", part(parts, 0));
            contact.put("title", part(parts, 1));
            contact.put("phone", part(parts, 2));
            contact.put("email", part(parts, 3));
            contacts.add(contact);
        }
        body.put("contacts", contacts);
        return body;
    }

    // ---- stale entries ----

    @GetMapping("/directory/stale")
    public Mono<String> stale(@RequestParam(defaultValue = "12") String months, Model model) {
        return api.get("/api/directory/authorities/stale?months=" + GatewayApi.query(months)).map(Json::list).map(entries -> {
            model.addAttribute("entries", entries);
            model.addAttribute("months", months);
            model.addAttribute("states", entries.stream().map(e -> String.valueOf(e.get("stateCode"))).distinct().sorted().toList());
            return "stale";
        });
    }

}
