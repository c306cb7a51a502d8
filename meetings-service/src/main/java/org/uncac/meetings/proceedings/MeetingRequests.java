package org.uncac.meetings.proceedings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.uncac.meetings.proceedings.MeetingModel.AgendaDocument;
import org.uncac.meetings.proceedings.MeetingModel.AgendaItem;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.meetings.proceedings.MeetingModel.Panel;
import org.uncac.meetings.proceedings.MeetingModel.ReportMethod;
import org.uncac.platform.validation.StateCode;

import java.time.LocalDate;
import java.util.List;

/** The bodies the secretariat and chairs send to convene a meeting and record its proceedings, each bounded. */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    public record ConveneRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z_]{2,79}", message = "must be an upper-case body name such as EXPERT_MEETING_INTERNATIONAL_COOPERATION") String body,
                                 @NotNull @Positive Integer ordinal, @NotBlank @Size(max = 500) String title,
                                 @NotBlank @Size(max = 200) String venue, @NotNull LocalDate start, @NotNull LocalDate end,
                                 Format format, @Size(max = 100) String symbolPrefix) {
    }

    public record DocumentRequest(@NotBlank @Size(max = 100) String symbol, @Size(max = 500) String title,
                                  @Size(max = 100) String kind, LocalDate issuedOn) {
    }

    public record PanellistRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String affiliation) {
    }

    public record PanelRequest(@NotBlank @Size(max = 500) String topic, @Valid @Size(max = 30) List<PanellistRequest> panellists) {
    }

    public record ItemRequest(@NotBlank @Size(max = 1000) String title, @Size(max = 20000) String annotation,
                              @Size(max = 10) List<@NotBlank @Size(max = 200) String> jointlyWith,
                              @Valid @Size(max = 50) List<DocumentRequest> documents,
                              @Valid @Size(max = 20) List<PanelRequest> panels,
                              @Size(max = 50) List<@NotBlank @Size(max = 100) String> recommendationIds) {
        AgendaItem toItem() {
            return new AgendaItem(title.strip(), annotation, jointlyWith,
                    documents == null ? null : documents.stream().map(d -> new AgendaDocument(d.symbol(), d.title(), d.kind(), d.issuedOn())).toList(),
                    panels == null ? null : panels.stream().map(p -> new Panel(p.topic(), p.panellists() == null ? null
                            : p.panellists().stream().map(x -> new MeetingModel.Panellist(x.name(), x.affiliation())).toList())).toList(),
                    recommendationIds);
        }
    }

    public record ProvisionalAgendaRequest(@Size(max = 100) String symbol,
                                           @NotEmpty @Valid @Size(max = 100) List<ItemRequest> items) {
    }

    public record AgendaAdoptionRequest(@NotNull LocalDate date, @Valid @Size(max = 100) List<ItemRequest> items) {
    }

    public record ReportAdoptionRequest(@NotNull LocalDate date, @NotNull ReportMethod method) {
    }

    public record ChairRequest(@NotBlank @Size(max = 200) String name,
                               @StateCode String stateCode,
                               @Size(max = 300) String role) {
    }

    public record SessionRequest(@NotNull LocalDate date, @Valid @NotNull ChairRequest chair) {
    }

    public record ObserverRequest(@NotBlank @Size(max = 300) String category, @NotBlank @Size(max = 300) String name) {
    }

    public record AttendanceRequest(@Size(max = 250) List<@StateCode String> statesParties,
                                    @Size(max = 50) List<@StateCode String> regionalOrganizations,
                                    @Valid @Size(max = 500) List<ObserverRequest> observers) {
    }

    public record SilenceRequest(@NotNull LocalDate opened, @NotNull LocalDate deadline) {
    }

    public record ObjectionRequest(@NotNull LocalDate date, @NotBlank @Size(max = 200) String by,
                                   @Size(max = 5000) String objection) {
    }

    public record CancellationRequest(@NotNull LocalDate date, @Size(max = 2000) String reason) {
    }
}
