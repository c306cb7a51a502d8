package org.uncac.meetings.proceedings;

import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingView.AgendaView;
import org.uncac.platform.readmodel.Documents;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Meetings as the contract shows them, their agenda versions and differences, history and attendance. */
@Component
@RequiredArgsConstructor
public class MeetingsQueries {

    public enum Status { CONVENED, AGENDA_ISSUED, IN_SESSION, CONCLUDED, REPORT_ADOPTED, CANCELLED }

    /** What changed between two versions of an agenda. */
    public record AgendaDiff(String from, String to, List<NumberedTitle> added, List<NumberedTitle> removed,
                             List<Renumbered> renumbered) {
    }

    public record NumberedTitle(int number, String title) {
    }

    public record Renumbered(String title, int from, int to) {
    }

    /** One change in a meeting's history; {@code date} and {@code recordedBy} are "null" when there is none. */
    public record HistoryEntry(String what, String date, String recordedAt, String recordedBy) {
    }

    public record AttendanceEntry(String meetingId, int ordinal, String title, LocalDate start, boolean attended) {
    }

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final SecretariatTime time;

    public Mono<MeetingRecord> meeting(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, MeetingsProjection.COLLECTION)
                .map(this::read);
    }

    public Mono<List<MeetingRecord>> all() {
        return mongo.findAll(Document.class, MeetingsProjection.COLLECTION).map(this::read).collectList();
    }

    public Mono<MeetingView> one(String id) {
        return meeting(id).map(m -> MeetingView.of(m, time.today()));
    }

    public Mono<List<MeetingView>> list(LocalDate from, LocalDate to, Status status) {
        LocalDate today = time.today();
        return all().map(meetings -> meetings.stream()
                .filter(m -> from == null || !m.end().isBefore(from))
                .filter(m -> to == null || !m.start().isAfter(to))
                .sorted(Comparator.comparing(MeetingRecord::start))
                .map(m -> MeetingView.of(m, today))
                .filter(v -> status == null || status.name().equals(v.status()))
                .toList());
    }

    public MeetingView viewOf(MeetingRecord meeting, LocalDate today) {
        return MeetingView.of(meeting, today);
    }

    public Mono<List<AgendaView>> versions(String id) {
        return meeting(id).map(m -> {
            List<AgendaView> versions = new ArrayList<>();
            m.agendaVersions().stream().sorted(Comparator.comparing(MeetingRecord.AgendaVersion::version))
                    .forEach(v -> versions.add(AgendaView.provisional(v, true)));
            if (m.agendaAdopted()) {
                versions.add(AgendaView.adopted(m));
            }
            return versions;
        });
    }

    public Mono<AgendaDiff> diff(String id, String from, String to) {
        return meeting(id).map(m -> {
            List<String> before = titles(m, from, "from");
            List<String> after = titles(m, to, "to");
            List<NumberedTitle> added = new ArrayList<>();
            List<NumberedTitle> removed = new ArrayList<>();
            List<Renumbered> moved = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                int was = before.indexOf(after.get(i));
                if (was < 0) {
                    added.add(new NumberedTitle(i + 1, after.get(i)));
                } else if (was != i) {
                    moved.add(new Renumbered(after.get(i), was + 1, i + 1));
                }
            }
            for (int i = 0; i < before.size(); i++) {
                if (!after.contains(before.get(i))) {
                    removed.add(new NumberedTitle(i + 1, before.get(i)));
                }
            }
            return new AgendaDiff(from, to, added, removed, moved);
        });
    }

    public Mono<List<HistoryEntry>> history(String id) {
        return meeting(id).map(m -> m.history().stream()
                .sorted(Comparator.comparing(MeetingRecord.Change::recordedAt))
                .map(h -> new HistoryEntry(h.what(), String.valueOf(h.date()), h.recordedAt().toString(),
                        String.valueOf(h.recordedBy())))
                .toList());
    }

    /** The meetings a State party attended, in date order. */
    public Mono<List<AttendanceEntry>> attendanceOf(String stateCode) {
        return all().map(meetings -> meetings.stream()
                .filter(m -> m.attendance() != null)
                .sorted(Comparator.comparing(MeetingRecord::start))
                .map(m -> new AttendanceEntry(m.id(), m.ordinal(), m.title(), m.start(),
                        m.attendance().statesParties().contains(stateCode)
                                || m.attendance().regionalOrganizations().contains(stateCode)))
                .toList());
    }

    private MeetingRecord read(Document document) {
        return Documents.read(objectMapper, document, MeetingRecord.class);
    }

    private static List<String> titles(MeetingRecord m, String version, String field) {
        if ("adopted".equalsIgnoreCase(version)) {
            if (!m.agendaAdopted()) {
                throw Problems.invalid(field, "the agenda has not been adopted");
            }
            return m.adoptedAgendaItems().stream().map(AgendaItem::title).toList();
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, "must be a provisional version number or 'adopted'");
        }
        return m.agendaVersions().stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> Problems.invalid(field, "there is no provisional version " + number))
                .items().stream().map(AgendaItem::title).toList();
    }
}
