package org.uncac.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sends the recorded history through the public API, as the client {@code history-import}: meetings with their
 * agendas, sessions, attendance and reports; recommendations and Conference mandates; notes verbales with their
 * issue and reminders; follow-up, reaffirmations and proposals; and the figures the secretariat published. Every
 * write carries an Idempotency-Key, and before each one the importer reads whether what it would write is there
 * already (by meeting ordinal, text, subject, date), so a second run, on any day, changes nothing. Only what the
 * API can hold is sent: what it cannot (a meeting known only to its year, a follow-up naming no mandate) is
 * listed as left out.
 *
 * <pre>java -jar history-import.jar --base http://localhost:8080 --client history-import --secret … --dir history</pre>
 */
public final class HistoryImport {

    /** What a run did. */
    public record Report(int created, int existing, List<String> leftOut, List<String> failed) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("history: %d written, %d there already, %d left out, %d failed%n",
                    created, existing, leftOut.size(), failed.size()));
            leftOut.forEach(line -> text.append("  left out: ").append(line).append('\n'));
            failed.forEach(line -> text.append("  FAILED: ").append(line).append('\n'));
            return text.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FAR_FUTURE = "9999-12-31";
    private static final Set<String> FORMATS = Set.of("IN_PERSON", "ONLINE", "HYBRID");
    private static final Set<String> REPORT_METHODS = Set.of("AT_MEETING", "AS_ORALLY_AMENDED", "SILENCE_PROCEDURE");
    private static final Set<String> ADDRESSEES = Set.of("STATES_PARTIES", "SECRETARIAT", "EXPERT_MEETING", "CONFERENCE");
    private static final Set<String> THEMES = Set.of("CUMULATIVE_KNOWLEDGE", "CONFIDENCE_AND_TRUST", "TECHNICAL_ASSISTANCE");
    private static final Set<String> STATUSES = Set.of("ADOPTED", "IN_PROGRESS", "ONGOING", "IMPLEMENTED", "SUPERSEDED");
    private static final Set<String> AUTHORITY_TYPES = Set.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION",
            "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE");

    private final History history;
    private final Api api;
    private final Map<String, String> meetingIds = new HashMap<>();
    private final Map<String, String> recommendationIds = new HashMap<>();
    private final Map<String, String> noteIds = new HashMap<>();
    private int created;
    private int existing;
    private final List<String> leftOut = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    public HistoryImport(History history, String base, String clientId, String secret) {
        this.history = history;
        this.api = new Api(base, clientId, secret);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--base", "http://localhost:8080", "--client", "history-import",
                "--dir", "history"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String secret = options.getOrDefault("--secret", System.getenv("UNCAC_HISTORY_IMPORT_SECRET"));
        if (secret == null || secret.isBlank()) {
            System.err.println("history-import: give the client's secret with --secret or UNCAC_HISTORY_IMPORT_SECRET");
            System.exit(2);
        }
        History history = History.read(Path.of(options.get("--dir")));
        if (!history.problems().isEmpty()) {
            System.err.println("history-import: the files disagree:\n  " + String.join("\n  ", history.problems()));
            System.exit(2);
        }
        Report report = new HistoryImport(history, options.get("--base"), options.get("--client"), secret).run();
        System.out.print(report);
        System.exit(report.failed().isEmpty() ? 0 : 1);
    }

    public Report run() throws IOException, InterruptedException {
        meetings();
        recommendations();
        notesVerbales();
        followUp();
        reaffirmations();
        proposals();
        figures();
        return new Report(created, existing, List.copyOf(leftOut), List.copyOf(failed));
    }

    // ---- meetings ----

    private void meetings() throws IOException, InterruptedException {
        JsonNode known = api.get("/api/meetings");
        for (Map.Entry<String, ObjectNode> entry : history.keyed("meetings").entrySet()) {
            String key = entry.getKey();
            ObjectNode m = entry.getValue();
            if (m.hasNonNull("startKnownTo") || !m.hasNonNull("start") || !m.hasNonNull("end") || !m.hasNonNull("venue")
                    || !m.hasNonNull("title")) {
                leftOut.add("meeting " + key + ": the documents give no title, venue or dates to the day");
                continue;
            }
            String id = find(known, n -> n.path("body").asText().equals(m.path("body").asText())
                    && n.path("ordinal").asInt() == m.path("ordinal").asInt());
            if (id == null) {
                ObjectNode body = fields(m, "body", "ordinal", "title", "venue", "start", "end", "symbolPrefix");
                if (FORMATS.contains(m.path("format").asText())) {
                    body.put("format", m.path("format").asText());
                }
                id = api.create("/api/meetings", body, "meeting/" + key).path("id").asText();
            } else {
                existing++;
            }
            meetingIds.put(key, id);
            String meetingId = id;
            JsonNode view = api.await("/api/meetings/" + id, v -> v.path("id").asText().equals(meetingId));
            agenda(key, id, m, view);
            sessions(key, id, m, view);
            attendance(key, id, m, view);
            report(key, id, m, view);
        }
    }

    private void agenda(String key, String id, ObjectNode m, JsonNode view) throws IOException, InterruptedException {
        JsonNode agenda = m.path("agenda");
        if (agenda.isMissingNode() || !agenda.path("items").isArray() || agenda.path("items").isEmpty()) {
            return;
        }
        if (agenda.path("provisionalOnly").asBoolean(false)) {
            leftOut.add("meeting " + key + ": its provisional agenda is known only in part (item "
                    + agenda.path("items").get(0).path("number").asText() + ")");
            return;
        }
        if (view.path("agenda").isNull() || view.path("agenda").isMissingNode()) {
            ObjectNode body = NODES.objectNode();
            if (agenda.hasNonNull("symbol")) {
                body.put("symbol", agenda.path("symbol").asText());
            }
            ArrayNode items = body.putArray("items");
            for (JsonNode item : agenda.path("items")) {
                ObjectNode out = fields(item, "title", "annotation");
                copyArray(item, "jointlyWith", out);
                ArrayNode documents = NODES.arrayNode();
                for (JsonNode document : item.path("documents")) {
                    if (document.hasNonNull("symbol")) {
                        documents.add(fields(document, "symbol", "title", "kind", "issuedOn"));
                    }
                }
                if (!documents.isEmpty()) {
                    out.set("documents", documents);
                }
                ArrayNode panels = NODES.arrayNode();
                for (JsonNode panel : item.path("panels")) {
                    ObjectNode p = fields(panel, "topic");
                    ArrayNode panellists = p.putArray("panellists");
                    panel.path("panellists").forEach(x -> panellists.add(fields(x, "name", "affiliation")));
                    panels.add(p);
                }
                if (!panels.isEmpty()) {
                    out.set("panels", panels);
                }
                items.add(out);
            }
            api.write("PUT", "/api/meetings/" + id + "/provisional-agenda", body, "agenda/" + key);
        } else {
            existing++;
        }
        if (agenda.hasNonNull("adoptedOn")) {
            if (!"ADOPTED".equals(view.path("agenda").path("status").asText())) {
                api.write("POST", "/api/meetings/" + id + "/agenda-adoption",
                        NODES.objectNode().put("date", agenda.path("adoptedOn").asText()), "agenda-adoption/" + key);
            } else {
                existing++;
            }
        }
    }

    private void sessions(String key, String id, ObjectNode m, JsonNode view) throws IOException, InterruptedException {
        for (JsonNode session : m.path("sessions")) {
            if (!session.hasNonNull("date") || !session.path("chair").hasNonNull("name")) {
                leftOut.add("meeting " + key + ": a session without a date or a chair (" + session.path("source").asText() + ")");
                continue;
            }
            String date = session.path("date").asText();
            String chair = session.path("chair").path("name").asText();
            boolean there = false;
            for (JsonNode held : view.path("sessions")) {
                there |= held.path("date").asText().equals(date) && held.path("chair").path("name").asText().equals(chair);
            }
            if (there) {
                existing++;
                continue;
            }
            ObjectNode body = NODES.objectNode().put("date", date);
            body.set("chair", fields(session.path("chair"), "name", "stateCode", "role"));
            api.write("POST", "/api/meetings/" + id + "/sessions", body, "session/" + key + "/" + date + "/" + chair);
        }
    }

    private void attendance(String key, String id, ObjectNode m, JsonNode view) throws IOException, InterruptedException {
        JsonNode attendance = m.path("attendance");
        if (attendance.isMissingNode()) {
            return;
        }
        if (!view.path("attendance").isNull() && !view.path("attendance").isMissingNode()) {
            existing++;
            return;
        }
        ObjectNode body = NODES.objectNode();
        copyArray(attendance, "statesParties", body);
        copyArray(attendance, "regionalOrganizations", body);
        ArrayNode observers = body.putArray("observers");
        for (JsonNode observer : attendance.path("observers")) {
            observers.add(NODES.objectNode().put("category", observer.hasNonNull("category")
                    ? observer.path("category").asText() : "Not stated").put("name", observer.path("name").asText()));
        }
        api.write("PUT", "/api/meetings/" + id + "/attendance", body, "attendance/" + key);
    }

    private void report(String key, String id, ObjectNode m, JsonNode view) throws IOException, InterruptedException {
        JsonNode report = m.path("report");
        if (report.isMissingNode() || !report.hasNonNull("date") || !REPORT_METHODS.contains(report.path("method").asText())) {
            return;
        }
        if (!view.path("report").isNull() && !view.path("report").isMissingNode()) {
            existing++;
            return;
        }
        api.write("POST", "/api/meetings/" + id + "/report-adoption", fields(report, "date", "method"), "report/" + key);
    }

    // ---- recommendations and mandates ----

    private void recommendations() throws IOException, InterruptedException {
        JsonNode known = api.get("/api/recommendations?asAt=" + FAR_FUTURE);
        for (Map.Entry<String, ObjectNode> entry : history.keyed("recommendations").entrySet()) {
            String key = entry.getKey();
            ObjectNode r = entry.getValue();
            if (!r.hasNonNull("text") || !ADDRESSEES.contains(r.path("addressee").asText())) {
                leftOut.add("recommendation " + key + ": the documents do not give its text or whom it addresses");
                continue;
            }
            String meetingId = null;
            if (r.hasNonNull("meeting")) {
                meetingId = meetingIds.get(r.path("meeting").asText());
                if (meetingId == null) {
                    leftOut.add("recommendation " + key + ": its meeting " + r.path("meeting").asText() + " is not imported");
                    continue;
                }
            } else if (!r.hasNonNull("resolution")) {
                leftOut.add("recommendation " + key + ": neither a meeting nor a resolution");
                continue;
            }
            String meeting = meetingId;
            String text = r.path("text").asText();
            String id = find(known, n -> n.path("text").asText().equals(text)
                    && (meeting != null ? meeting.equals(n.path("meetingId").asText(null))
                    : r.path("resolution").asText().equals(n.path("resolution").asText(null))));
            if (id == null) {
                ObjectNode body = meeting != null ? NODES.objectNode().put("meetingId", meeting)
                        : NODES.objectNode().put("resolution", r.path("resolution").asText());
                if (r.hasNonNull("paragraph") && !r.path("paragraph").asText().isBlank()) {
                    body.put("paragraph", r.path("paragraph").asText());
                }
                body.put("text", text).put("addressee", r.path("addressee").asText());
                ArrayNode themes = NODES.arrayNode();
                r.path("themes").forEach(t -> {
                    if (THEMES.contains(t.asText())) {
                        themes.add(t.asText());
                    }
                });
                if (!themes.isEmpty()) {
                    body.set("themes", themes);
                }
                ArrayNode articles = NODES.arrayNode();
                r.path("articles").forEach(a -> articles.add(a.asText()));
                if (!articles.isEmpty()) {
                    body.set("articles", articles);
                }
                if (r.hasNonNull("adoptedOn")) {
                    body.put("adoptedOn", r.path("adoptedOn").asText());
                }
                if (r.path("concernsDirectory").asBoolean(false)) {
                    body.put("concernsDirectory", true);
                }
                id = api.create("/api/recommendations", body, "recommendation/" + key).path("id").asText();
            } else {
                existing++;
            }
            recommendationIds.put(key, id);
        }
    }

    // ---- notes verbales ----

    private void notesVerbales() throws IOException, InterruptedException {
        JsonNode known = api.get("/api/notes-verbales");
        for (Map.Entry<String, ObjectNode> entry : history.keyed("notesVerbales").entrySet()) {
            String key = entry.getKey();
            ObjectNode n = entry.getValue();
            if (!n.hasNonNull("subject") || !n.hasNonNull("issuedOn")) {
                leftOut.add("note verbale " + key + ": no subject or issue date");
                continue;
            }
            String subject = n.path("subject").asText();
            String id = find(known, v -> v.path("subject").asText().equals(subject));
            JsonNode view;
            if (id == null) {
                ObjectNode body = fields(n, "reference", "subject", "deadline");
                if (!body.has("reference")) {
                    // the documents name a note by its date where they print no reference: so does its record
                    body.put("reference", "Note verbale of " + (n.hasNonNull("issuedOnKnownTo")
                            ? n.path("issuedOnKnownTo").asText() : n.path("issuedOn").asText()));
                }
                if (n.path("addressees").isArray()) {
                    copyArray(n, "addressees", body);
                } else {
                    body.put("addressees", "ALL_STATES_PARTIES");
                }
                ArrayNode questions = NODES.arrayNode();
                n.path("questions").forEach(q -> questions.add(fields(q, "id", "text")));
                if (!questions.isEmpty()) {
                    body.set("questions", questions);
                }
                copyArray(n, "mandates", body);
                ArrayNode followedUp = NODES.arrayNode();
                n.path("recommendations").forEach(k -> {
                    if (recommendationIds.containsKey(k.asText())) {
                        followedUp.add(recommendationIds.get(k.asText()));
                    }
                });
                if (!followedUp.isEmpty()) {
                    body.set("recommendationIds", followedUp);
                }
                id = api.create("/api/notes-verbales", body, "note/" + key).path("id").asText();
                view = NODES.objectNode().put("status", "DRAFT");
            } else {
                existing++;
                view = api.get("/api/notes-verbales/" + id);
            }
            noteIds.put(key, id);
            if ("DRAFT".equals(view.path("status").asText())) {
                ObjectNode issuance = NODES.objectNode().put("date", n.path("issuedOn").asText());
                if (n.hasNonNull("issuedOnKnownTo")) {
                    issuance.put("dateKnownTo", n.path("issuedOnKnownTo").asText());
                }
                api.write("POST", "/api/notes-verbales/" + id + "/issuance", issuance, "issuance/" + key);
            } else {
                existing++;
            }
            if (n.path("reminders").isEmpty()) {
                continue;
            }
            view = api.await("/api/notes-verbales/" + id, v -> !"DRAFT".equals(v.path("status").asText()));
            for (JsonNode reminder : n.path("reminders")) {
                String date = reminder.path("date").asText();
                boolean sent = false;
                for (JsonNode r : view.path("reminders")) {
                    sent |= r.path("date").asText().equals(date);
                }
                if (sent) {
                    existing++;
                } else {
                    api.write("POST", "/api/notes-verbales/" + id + "/reminders", NODES.objectNode().put("date", date),
                            "reminder/" + key + "/" + date);
                }
            }
        }
    }

    // ---- follow-up, reaffirmations, proposals ----

    private void followUp() throws IOException, InterruptedException {
        Map<String, JsonNode> views = new HashMap<>();
        for (History.Fact fact : history.followUp()) {
            JsonNode f = fact.node();
            String key = f.path("recommendation").asText("");
            String id = recommendationIds.get(key);
            if (id == null) {
                leftOut.add("follow-up in " + fact.document().file() + " (" + f.path("source").asText()
                        + "): " + (key.isEmpty() ? "it names no mandate" : "its mandate " + key + " is not imported"));
                continue;
            }
            String note = f.path("noteVerbale").asText("");
            JsonNode noteDeclared = history.keyed("notesVerbales").get(note);
            if (noteDeclared != null && noteIds.containsKey(note)
                    && noteDeclared.path("recommendations").toString().contains("\"" + key + "\"")) {
                existing++;   // the note verbale, issued for this mandate, is its follow-up by itself
                continue;
            }
            String date = f.hasNonNull("date") ? f.path("date").asText() : fact.document().date();
            String action = f.path("action").asText();
            String status = STATUSES.contains(f.path("status").asText()) ? f.path("status").asText() : "IN_PROGRESS";
            JsonNode view = views.containsKey(id) ? views.get(id) : api.get("/api/recommendations/" + id + "?asAt=" + FAR_FUTURE);
            views.put(id, view);
            boolean there = false;
            for (JsonNode done : view.path("followUp")) {
                there |= done.path("date").asText().equals(date) && done.path("action").asText().equals(action);
            }
            if (there) {
                existing++;
                continue;
            }
            api.create("/api/recommendations/" + id + "/follow-up", NODES.objectNode().put("date", date).put("action", action)
                    .put("status", status), "follow-up/" + fact.document().file() + "/" + f.path("source").asText() + "/" + key
                    + "/" + action.hashCode());
        }
    }

    private void reaffirmations() throws IOException, InterruptedException {
        for (History.Fact fact : history.reaffirmations()) {
            JsonNode r = fact.node();
            String id = recommendationIds.get(r.path("recommendation").asText(""));
            String meetingId = meetingIds.get(r.path("meeting").asText(""));
            if (id == null || meetingId == null) {
                leftOut.add("reaffirmation in " + fact.document().file() + " (" + r.path("source").asText()
                        + "): the recommendations it reaffirms are not named one by one");
                continue;
            }
            JsonNode view = api.get("/api/recommendations/" + id + "?asAt=" + FAR_FUTURE);
            boolean there = false;
            for (JsonNode done : view.path("reaffirmations")) {
                there |= done.path("meetingId").asText().equals(meetingId);
            }
            if (there) {
                existing++;
                continue;
            }
            api.write("POST", "/api/recommendations/" + id + "/reaffirmation", fields(r, "paragraph", "date")
                    .put("meetingId", meetingId), "reaffirmation/" + fact.document().file() + "/" + r.path("source").asText());
        }
    }

    private void proposals() throws IOException, InterruptedException {
        Map<String, JsonNode> byMeeting = new HashMap<>();
        for (History.Fact fact : history.proposals()) {
            JsonNode p = fact.node();
            String meetingId = meetingIds.get(p.path("meeting").asText(""));
            if (meetingId == null) {
                leftOut.add("proposal " + p.path("key").asText() + ": its meeting is not imported");
                continue;
            }
            JsonNode known = byMeeting.containsKey(meetingId) ? byMeeting.get(meetingId)
                    : api.get("/api/recommendations/proposals?meetingId=" + meetingId);
            byMeeting.put(meetingId, known);
            String text = p.path("text").asText();
            if (find(known, k -> k.path("text").asText().equals(text)) != null) {
                existing++;
                continue;
            }
            ObjectNode body = fields(p, "text", "date").put("meetingId", meetingId);
            copyArray(p, "proposedBy", body);
            api.create("/api/recommendations/proposals", body, "proposal/" + p.path("key").asText());
        }
    }

    // ---- published figures ----

    private void figures() throws IOException, InterruptedException {
        for (History.Fact fact : history.figures()) {
            JsonNode f = fact.node();
            String key = f.path("key").asText(fact.document().file() + " " + f.path("source").asText());
            String asAt = f.hasNonNull("asAt") ? f.path("asAt").asText() : fact.document().date();
            ObjectNode body = NODES.objectNode().put("asAt", asAt);
            if (f.hasNonNull("asAt") && f.hasNonNull("asAtKnownTo")) {
                body.put("asAtKnownTo", f.path("asAtKnownTo").asText());
            }
            body.set("source", NODES.objectNode().put("document", fact.document().name())
                    .put("paragraph", f.path("source").asText()));
            if (f.hasNonNull("text")) {
                body.put("text", f.path("text").asText());
            }
            String counts = f.path("counts").asText();
            String path;
            switch (counts) {
                case "RESPONSES" -> {
                    String noteId = noteIds.get(f.path("noteVerbale").asText(""));
                    if (noteId == null || !f.hasNonNull("value")) {
                        leftOut.add("figure " + key + ": its note verbale is not imported");
                        continue;
                    }
                    path = "/api/notes-verbales/" + noteId + "/published-figures";
                    body.put("value", f.path("value").asInt());
                }
                case "DIRECTORY_COVERAGE" -> {
                    ObjectNode byType = body.putObject("byType");
                    f.path("byType").fields().forEachRemaining(e -> {
                        if (AUTHORITY_TYPES.contains(e.getKey()) && e.getValue().isNumber()) {
                            byType.put(e.getKey(), e.getValue().asInt());
                        }
                    });
                    path = "/api/directory/published-coverage";
                }
                case "GLOBE_MEMBERS", "OTHER" -> {
                    if (!f.path("value").isNumber()) {
                        leftOut.add("figure " + key + ": no number");
                        continue;
                    }
                    body.put("counts", counts).put("value", f.path("value").asLong());
                    if (f.hasNonNull("what")) {
                        body.put("what", f.path("what").asText());
                    } else if (counts.equals("OTHER")) {
                        leftOut.add("figure " + key + ": it does not say what it counts");
                        continue;
                    }
                    path = "/api/recommendations/published-figures";
                }
                default -> {
                    leftOut.add("figure " + key + ": counts " + counts + " is not a kind of figure the suite keeps");
                    continue;
                }
            }
            if (api.write("POST", path, body, "figure/" + key, 409) == 409) {
                existing++;   // published once; the suite refuses the same figure twice
            }
        }
    }

    // ---- helpers ----

    private static String find(JsonNode list, Predicate<JsonNode> matches) {
        for (JsonNode item : list) {
            if (matches.test(item)) {
                return item.path("id").asText();
            }
        }
        return null;
    }

    /** The named fields of {@code node} that have a value, as a new body. */
    private static ObjectNode fields(JsonNode node, String... names) {
        ObjectNode body = NODES.objectNode();
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                body.set(name, value.deepCopy());
            }
        }
        return body;
    }

    private static void copyArray(JsonNode from, String name, ObjectNode to) {
        if (from.path(name).isArray() && !from.path(name).isEmpty()) {
            to.set(name, from.path(name).deepCopy());
        }
    }

    /** The public API as the importer uses it: a token of its own, Idempotency-Keys, waits for read models. */
    private final class Api {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String clientId;
        private final String secret;
        private String token;
        private Instant tokenUntil = Instant.EPOCH;

        Api(String base, String clientId, String secret) {
            this.base = base.replaceAll("/$", "");
            this.clientId = clientId;
            this.secret = secret;
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        /** Reads {@code path} until the read model shows what {@code ready} asks (at most 30 s). */
        JsonNode await(String path, Predicate<JsonNode> ready) throws IOException, InterruptedException {
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
                if (response.statusCode() == 200 && ready.test(JSON.readTree(response.body()))) {
                    return JSON.readTree(response.body());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException(path + " did not catch up within 30 s (" + response.statusCode() + ")");
                }
                Thread.sleep(100);
            }
        }

        JsonNode create(String path, JsonNode body, String key) throws IOException, InterruptedException {
            HttpResponse<String> response = request("POST", path, body, key);
            if (response.statusCode() / 100 != 2) {
                failed.add("POST " + path + " (" + key + ") answered " + response.statusCode() + ": " + response.body());
                throw new IOException("history-import stops: " + failed.get(failed.size() - 1));
            }
            count(response);
            return JSON.readTree(response.body());
        }

        /** Sends a write; an answer outside 2xx and {@code tolerated} is a failure, and the run goes on. */
        int write(String method, String path, JsonNode body, String key, int... tolerated) throws IOException, InterruptedException {
            HttpResponse<String> response = request(method, path, body, key);
            int status = response.statusCode();
            boolean ok = status / 100 == 2;
            for (int t : tolerated) {
                ok |= status == t;
            }
            if (status / 100 == 2) {
                count(response);
            } else if (!ok) {
                failed.add(method + " " + path + " (" + key + ") answered " + status + ": " + response.body());
            }
            return status;
        }

        /** A 2xx is a write, unless it is the first answer replayed for the same Idempotency-Key. */
        private void count(HttpResponse<String> response) {
            if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                existing++;
            } else {
                created++;
            }
        }

        private HttpResponse<String> request(String method, String path, JsonNode body, String key)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", ("history-import " + key).substring(0, Math.min(200, ("history-import " + key).length())))
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token())
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 20) {
                    Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                return response;
            }
        }

        private String token() throws IOException, InterruptedException {
            if (Instant.now().isBefore(tokenUntil)) {
                return token;
            }
            String form = "grant_type=client_credentials";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the token endpoint refused client " + clientId + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            token = answer.path("access_token").asText();
            tokenUntil = Instant.now().plusSeconds(Math.max(60, answer.path("expires_in").asLong(300) - 60));
            return token;
        }
    }
}
