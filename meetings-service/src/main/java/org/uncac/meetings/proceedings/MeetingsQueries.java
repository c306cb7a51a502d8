package org.uncac.meetings.proceedings;

import org.bson.Document;
import org.uncac.platform.time.SecretariatTime;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Meetings as the contract shows them, their agenda versions and differences, history and attendance. */
@Component
public class MeetingsQueries {

    public enum Status { CONVENED, AGENDA_ISSUED, IN_SESSION, CONCLUDED, REPORT_ADOPTED, CANCELLED }

    private final ReactiveMongoTemplate mongo;

    private final SecretariatTime time;

    public MeetingsQueries(ReactiveMongoTemplate mongo, SecretariatTime time) {
        this.mongo = mongo;
        this.time = time;
    }

    Mono<Document> document(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, MeetingsProjection.COLLECTION);
    }

    public Mono<List<Document>> all() {
        return mongo.findAll(Document.class, MeetingsProjection.COLLECTION).collectList();
    }

    public Mono<Map<String, Object>> one(String id) {
        return document(id).map(d -> view(d, time.today()));
    }

    public Mono<List<Map<String, Object>>> list(LocalDate from, LocalDate to, Status status) {
        LocalDate today = time.today();
        return all().map(docs -> docs.stream()
                .filter(d -> from == null || !LocalDate.parse(d.getString("end")).isBefore(from))
                .filter(d -> to == null || !LocalDate.parse(d.getString("start")).isAfter(to))
                .sorted(Comparator.comparing((Document d) -> d.getString("start")))
                .map(d -> view(d, today))
                .filter(v -> status == null || status.name().equals(v.get("status")))
                .toList());
    }

    public Mono<List<Map<String, Object>>> versions(String id) {
        return document(id).map(d -> {
            List<Map<String, Object>> versions = new ArrayList<>();
            d.getList("agendaVersions", Document.class, List.of()).stream()
                    .sorted(Comparator.comparing(v -> v.getInteger("version")))
                    .forEach(v -> versions.add(agenda("PROVISIONAL", v.getInteger("version"), v.getString("symbol"),
                            v.getList("items", Document.class), v.getString("recordedAt"))));
            if (d.getString("agendaAdoptedOn") != null) {
                versions.add(adopted(d));
            }
            return versions;
        });
    }

    public Mono<Map<String, Object>> diff(String id, String from, String to) {
        return document(id).map(d -> {
            List<String> before = titles(d, from, "from");
            List<String> after = titles(d, to, "to");
            List<Map<String, Object>> added = new ArrayList<>();
            List<Map<String, Object>> removed = new ArrayList<>();
            List<Map<String, Object>> moved = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                int was = before.indexOf(after.get(i));
                if (was < 0) {
                    added.add(Map.of("number", i + 1, "title", after.get(i)));
                } else if (was != i) {
                    moved.add(Map.of("title", after.get(i), "from", was + 1, "to", i + 1));
                }
            }
            for (int i = 0; i < before.size(); i++) {
                if (!after.contains(before.get(i))) {
                    removed.add(Map.of("number", i + 1, "title", before.get(i)));
                }
            }
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("from", from);
            diff.put("to", to);
            diff.put("added", added);
            diff.put("removed", removed);
            diff.put("renumbered", moved);
            return diff;
        });
    }

    public Mono<List<Object>> history(String id) {
        return document(id).map(d -> new ArrayList<>(d.getList("history", Document.class, List.of()).stream()
                .sorted(Comparator.comparing(h -> h.getString("recordedAt")))
                .map(h -> (Object) Map.of("what", h.getString("what"), "date", String.valueOf(h.getString("date")),
                        "recordedAt", h.getString("recordedAt"), "recordedBy", String.valueOf(h.getString("recordedBy"))))
                .toList()));
    }

    /** The meetings a State party attended, in date order. */
    public Mono<List<Map<String, Object>>> attendanceOf(String stateCode) {
        return all().map(docs -> docs.stream()
                .filter(d -> d.get("attendance", Document.class) != null)
                .sorted(Comparator.comparing((Document d) -> d.getString("start")))
                .map(d -> {
                    Document attendance = d.get("attendance", Document.class);
                    boolean attended = attendance.getList("statesParties", String.class).contains(stateCode)
                            || attendance.getList("regionalOrganizations", String.class).contains(stateCode);
                    return Map.<String, Object>of("meetingId", d.getString("_id"), "ordinal", d.getInteger("ordinal"),
                            "title", d.getString("title"), "start", d.getString("start"), "attended", attended);
                })
                .toList());
    }

    private List<String> titles(Document d, String version, String field) {
        if ("adopted".equalsIgnoreCase(version)) {
            if (d.getString("agendaAdoptedOn") == null) {
                throw Problems.invalid(field, "the agenda has not been adopted");
            }
            return itemsOfAdopted(d).stream().map(i -> i.getString("title")).toList();
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, "must be a provisional version number or 'adopted'");
        }
        return d.getList("agendaVersions", Document.class, List.of()).stream()
                .filter(v -> v.getInteger("version") == number).findFirst()
                .orElseThrow(() -> Problems.invalid(field, "there is no provisional version " + number))
                .getList("items", Document.class).stream().map(i -> i.getString("title")).toList();
    }

    private static List<Document> itemsOfAdopted(Document d) {
        if (Boolean.TRUE.equals(d.getBoolean("agendaAmended"))) {
            return d.getList("adoptedItems", Document.class);
        }
        Document provisional = d.get("provisional", Document.class);
        return provisional == null ? List.of() : provisional.getList("items", Document.class);
    }

    private static Map<String, Object> adopted(Document d) {
        Document provisional = d.get("provisional", Document.class);
        Map<String, Object> agenda = agenda("ADOPTED", null, provisional == null ? null : provisional.getString("symbol"),
                itemsOfAdopted(d), null);
        agenda.put("adoptedOn", d.getString("agendaAdoptedOn"));
        agenda.put("amended", d.getBoolean("agendaAmended"));
        return agenda;
    }

    private static Map<String, Object> agenda(String status, Integer version, String symbol, List<Document> items, String recordedAt) {
        Map<String, Object> agenda = new LinkedHashMap<>();
        agenda.put("status", status);
        if (version != null) {
            agenda.put("version", version);
        }
        agenda.put("symbol", symbol);
        List<Map<String, Object>> numbered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Document item = items.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", i + 1);
            entry.put("title", item.getString("title"));
            entry.put("annotation", item.getString("annotation"));
            entry.put("jointlyWith", item.getList("jointlyWith", String.class, List.of()));
            entry.put("documents", item.getList("documents", Document.class, List.of()));
            entry.put("panels", item.getList("panels", Document.class, List.of()));
            numbered.add(entry);
        }
        agenda.put("items", numbered);
        if (recordedAt != null) {
            agenda.put("recordedAt", recordedAt);
        }
        return agenda;
    }

    public Map<String, Object> viewOf(Document d, LocalDate today) {
        return view(d, today);
    }

    static Map<String, Object> view(Document d, LocalDate today) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getString("_id"));
        view.put("body", d.getString("body"));
        view.put("ordinal", d.getInteger("ordinal"));
        view.put("title", d.getString("title"));
        view.put("venue", d.getString("venue"));
        view.put("start", d.getString("start"));
        view.put("end", d.getString("end"));
        view.put("format", d.getString("format"));
        view.put("symbolPrefix", d.getString("symbolPrefix"));
        view.put("status", status(d, today).name());
        Document provisional = d.get("provisional", Document.class);
        view.put("agenda", d.getString("agendaAdoptedOn") != null ? adopted(d)
                : provisional == null ? null : agenda("PROVISIONAL", provisional.getInteger("version"),
                provisional.getString("symbol"), provisional.getList("items", Document.class), null));
        Document report = d.get("report", Document.class);
        view.put("report", report == null ? null : Map.of("adoptedOn", report.getString("adoptedOn"), "method", report.getString("method")));
        view.put("sessions", d.getList("sessions", Document.class, List.of()).stream()
                .sorted(Comparator.comparing(s -> s.getString("date")))
                .map(s -> Map.of("date", s.getString("date"), "chair", s.get("chair"))).toList());
        Document attendance = d.get("attendance", Document.class);
        view.put("attendance", attendance == null ? null : Map.of(
                "statesParties", attendance.getList("statesParties", String.class).size(),
                "regionalOrganizations", attendance.getList("regionalOrganizations", String.class).size(),
                "observers", attendance.getList("observers", Document.class).size()));
        view.put("silenceProcedure", d.get("silence"));
        return view;
    }

    static Status status(Document d, LocalDate today) {
        if (d.get("cancelled") != null) {
            return Status.CANCELLED;
        }
        if (d.get("report") != null) {
            return Status.REPORT_ADOPTED;
        }
        if (today.isAfter(LocalDate.parse(d.getString("end")))) {
            return Status.CONCLUDED;
        }
        if (!d.getList("sessions", Document.class, List.of()).isEmpty() || !today.isBefore(LocalDate.parse(d.getString("start")))) {
            return Status.IN_SESSION;
        }
        return d.get("provisional") != null ? Status.AGENDA_ISSUED : Status.CONVENED;
    }
}
