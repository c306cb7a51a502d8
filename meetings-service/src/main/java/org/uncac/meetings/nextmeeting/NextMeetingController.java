package org.uncac.meetings.nextmeeting;

import jakarta.validation.constraints.Pattern;
import org.bson.Document;
import org.uncac.platform.time.SecretariatTime;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.meetings.proceedings.MeetingsQueries;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chair's view of the next meeting of a body: the meeting and its current agenda, the recommendations of
 * the body's earlier meetings that are still open (neither implemented nor superseded), and the documents
 * listed under agenda items that have not been issued yet.
 */
@RestController
@RequestMapping("/api/meetings")
public class NextMeetingController {

    private static final Set<String> CLOSED = Set.of("IMPLEMENTED", "SUPERSEDED");

    private final MeetingsQueries meetings;
    private final ReactiveMongoTemplate mongo;

    private final SecretariatTime time;

    public NextMeetingController(MeetingsQueries meetings, ReactiveMongoTemplate mongo, SecretariatTime time) {
        this.meetings = meetings;
        this.mongo = mongo;
        this.time = time;
    }

    @GetMapping("/next")
    public Mono<Map<String, Object>> next(@RequestParam(defaultValue = "EXPERT_MEETING_INTERNATIONAL_COOPERATION")
                                          @Pattern(regexp = "[A-Z][A-Z_]{2,79}", message = "must be an upper-case body name") String body) {
        LocalDate today = time.today();
        return Mono.zip(meetings.all(), mongo.findAll(Document.class, RecommendationsReplica.COLLECTION).collectList())
                .map(both -> {
                    List<Document> ofBody = both.getT1().stream().filter(m -> body.equals(m.getString("body"))).toList();
                    Document next = ofBody.stream()
                            .filter(m -> m.get("cancelled") == null && !LocalDate.parse(m.getString("end")).isBefore(today))
                            .min(Comparator.comparing(m -> m.getString("start")))
                            .orElseThrow(() -> Problems.notFound("Next meeting of", body));
                    Set<String> bodyMeetings = ofBody.stream().map(m -> m.getString("_id")).collect(Collectors.toSet());
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("meeting", meetings.viewOf(next, today));
                    view.put("openRecommendations", both.getT2().stream()
                            .filter(r -> bodyMeetings.contains(r.getString("meetingId")) && r.getString("text") != null)
                            .filter(r -> r.getString("status") == null || !CLOSED.contains(r.getString("status")))
                            .map(r -> Map.<String, Object>of("id", r.getString("_id"), "meetingId", r.getString("meetingId"),
                                    "paragraph", String.valueOf(r.getString("paragraph")), "text", r.getString("text"),
                                    "addressee", String.valueOf(r.getString("addressee")),
                                    "status", r.getString("status") == null ? "ADOPTED" : r.getString("status")))
                            .toList());
                    view.put("missingDocuments", missingDocuments(next));
                    return view;
                });
    }

    private static List<Map<String, Object>> missingDocuments(Document meeting) {
        Document provisional = meeting.get("provisional", Document.class);
        List<Document> items = provisional == null ? List.of() : provisional.getList("items", Document.class);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (Document d : items.get(i).getList("documents", Document.class, List.of())) {
                if (d.get("issuedOn") == null) {
                    missing.add(Map.of("item", i + 1, "symbol", d.getString("symbol"),
                            "title", String.valueOf(d.getString("title"))));
                }
            }
        }
        return missing;
    }
}
