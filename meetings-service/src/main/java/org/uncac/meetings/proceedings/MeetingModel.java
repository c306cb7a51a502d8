package org.uncac.meetings.proceedings;

import java.util.List;
import java.time.LocalDate;

/** The vocabulary of a meeting: formats, statuses, agenda items and what hangs under them, chairs, attendance. */
public final class MeetingModel {

    private MeetingModel() {
    }

    public enum Format { IN_PERSON, ONLINE, HYBRID }

    public enum ReportMethod { AT_MEETING, AS_ORALLY_AMENDED, SILENCE_PROCEDURE }

    /**
     * A document under an agenda item: note by the Secretariat, conference room paper, L document, report …
     * {@code issuedOn} null means it is expected but not yet issued.
     */
    public record AgendaDocument(String symbol, String title, String kind, LocalDate issuedOn) {
    }

    /** A panel discussion under an item, with its panellists and the State or organization of each. */
    public record Panel(String topic, List<Panellist> panellists) {
        public Panel {
            panellists = panellists == null ? List.of() : List.copyOf(panellists);
        }
    }

    public record Panellist(String name, String affiliation) {
    }

    /**
     * One agenda item. {@code jointlyWith} names the bodies it is considered with (e.g. the Implementation
     * Review Group, the Working Group on Asset Recovery); {@code recommendationIds} the recommendations it takes up.
     */
    public record AgendaItem(String title, String annotation, List<String> jointlyWith, List<AgendaDocument> documents,
                             List<Panel> panels, List<String> recommendationIds) {
        public AgendaItem(String title, String annotation, List<String> jointlyWith, List<AgendaDocument> documents,
                          List<Panel> panels) {
            this(title, annotation, jointlyWith, documents, panels, null);
        }

        public AgendaItem {
            recommendationIds = recommendationIds == null ? List.of() : List.copyOf(recommendationIds);
            jointlyWith = jointlyWith == null ? List.of() : List.copyOf(jointlyWith);
            documents = documents == null ? List.of() : List.copyOf(documents);
            panels = panels == null ? List.of() : List.copyOf(panels);
        }
    }

    /** Who chaired a session: name, State, role (Chair, Vice-Chair, Rapporteur …). */
    public record Chair(String name, String stateCode, String role) {
    }

    /** An observer by category: UN entity, specialized agency, institute, intergovernmental organization, other. */
    public record Observer(String category, String name) {
    }
}
