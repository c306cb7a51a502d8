package org.uncac.meetings.nextmeeting;

import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.uncac.platform.time.SecretariatTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.meetings.proceedings.MeetingModel.AgendaDocument;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingRecord;
import org.uncac.meetings.proceedings.MeetingView;
import org.uncac.meetings.proceedings.MeetingsQueries;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chair's view of the next meeting of a body: the meeting and its current agenda, the recommendations of
 * the body's earlier meetings that are still open (neither implemented nor superseded), and the documents
 * listed under agenda items that have not been issued yet.
 */
@RestController
@Tag(name = "Next meeting")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
public class NextMeetingController {

    private static final Set<String> CLOSED = Set.of("IMPLEMENTED", "SUPERSEDED");

    private final MeetingsQueries meetings;
    private final ReactiveMongoTemplate mongo;

    private final SecretariatTime time;

    /** The next meeting of a body, the recommendations still open for it, and the documents still expected. */
    public record NextMeeting(MeetingView meeting, List<OpenRecommendation> openRecommendations,
                              List<MissingDocument> missingDocuments) {
    }

    public record OpenRecommendation(String id, String meetingId, String paragraph, String text, String addressee,
                                     String status) {
    }

    /** A document under agenda item {@code item} that is expected but not yet issued. */
    public record MissingDocument(int item, String symbol, String title) {
    }

    @Operation(summary = "A body's next meeting, its open recommendations and the documents still expected")
    @GetMapping("/next")
    public Mono<NextMeeting> next(@RequestParam(defaultValue = "EXPERT_MEETING_INTERNATIONAL_COOPERATION")
                                  @Pattern(regexp = "[A-Z][A-Z_]{2,79}", message = "must be an upper-case body name") String body) {
        LocalDate today = time.today();
        return Mono.zip(meetings.all(), mongo.findAll(Document.class, RecommendationsReplica.COLLECTION).collectList())
                .map(both -> {
                    List<MeetingRecord> ofBody = both.getT1().stream().filter(m -> body.equals(m.body())).toList();
                    MeetingRecord next = ofBody.stream()
                            .filter(m -> m.cancelled() == null && !m.end().isBefore(today))
                            .min(Comparator.comparing(MeetingRecord::start))
                            .orElseThrow(() -> Problems.notFound("Next meeting of", body));
                    Set<String> bodyMeetings = ofBody.stream().map(MeetingRecord::id).collect(Collectors.toSet());
                    List<OpenRecommendation> open = both.getT2().stream()
                            .filter(r -> bodyMeetings.contains(r.getString("meetingId")) && r.getString("text") != null)
                            .filter(r -> r.getString("status") == null || !CLOSED.contains(r.getString("status")))
                            .map(r -> new OpenRecommendation(r.getString("_id"), r.getString("meetingId"),
                                    String.valueOf(r.getString("paragraph")), r.getString("text"),
                                    String.valueOf(r.getString("addressee")),
                                    r.getString("status") == null ? "ADOPTED" : r.getString("status")))
                            .toList();
                    return new NextMeeting(meetings.viewOf(next, today), open, missingDocuments(next));
                });
    }

    private static List<MissingDocument> missingDocuments(MeetingRecord meeting) {
        List<AgendaItem> items = meeting.provisional() == null ? List.of() : meeting.provisional().items();
        List<MissingDocument> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (AgendaDocument d : items.get(i).documents()) {
                if (d.issuedOn() == null) {
                    missing.add(new MissingDocument(i + 1, d.symbol(), String.valueOf(d.title())));
                }
            }
        }
        return missing;
    }
}
