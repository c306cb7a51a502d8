package org.uncac.notesverbales.notes;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.uncac.notesverbales.notes.NoteCommands.Draft;
import org.uncac.platform.domain.Source;
import org.uncac.platform.validation.StateCode;
import org.uncac.platform.web.Problems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The bodies the secretariat sends to draft, issue and follow a note verbale, each bounded. */
public final class NoteRequests {

    private NoteRequests() {
    }

    /** More than the States parties there are or will be. */
    static final int MAX_ADDRESSEES = 250;

    public record QuestionRequest(@NotBlank @Size(max = 50) String id, @NotBlank @Size(max = 5000) String text,
                                  Question.QuestionType type, @Size(max = 50) List<@NotBlank @Size(max = 500) String> choices) {
    }

    /** {@code addressees}: "ALL_STATES_PARTIES" (whoever is a party on the issue date) or a list of State codes. */
    public record DraftRequest(@NotBlank @Size(max = 100) String reference, @NotBlank @Size(max = 1000) String subject,
                               @Size(max = 100_000) String body, @NotNull JsonNode addressees, LocalDate deadline,
                               @Valid @Size(max = 200) List<QuestionRequest> questions,
                               @Size(max = 50) List<@NotBlank @Size(max = 300) String> mandates,
                               @Size(max = 100) List<@NotBlank @Size(max = 100) String> recommendationIds) {

        Draft toDraft() {
            List<String> codes = addresseeCodes();
            List<Question> asked = questions == null ? List.of() : questions.stream()
                    .map(q -> new Question(q.id(), q.text(), q.type(), q.choices())).toList();
            Set<String> ids = new HashSet<>();
            for (Question q : asked) {
                if (!ids.add(q.id())) {
                    throw Problems.invalid("questions", "question id '" + q.id() + "' is used twice");
                }
            }
            return new Draft(reference.strip(), subject.strip(), body, asked, mandates, recommendationIds,
                    codes, deadline);
        }

        /** The State codes, sorted and once each; null for ALL_STATES_PARTIES. */
        private List<String> addresseeCodes() {
            if (addressees.isTextual() && addressees.asText().equals("ALL_STATES_PARTIES")) {
                return null;
            }
            if (addressees.isArray() && addressees.size() > MAX_ADDRESSEES) {
                throw Problems.invalid("addressees", "must list at most " + MAX_ADDRESSEES + " States");
            }
            if (!addressees.isArray() || addressees.isEmpty()) {
                throw Problems.invalid("addressees", "must be \"ALL_STATES_PARTIES\" or a non-empty list of State codes");
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode code : addressees) {
                if (!code.isTextual() || !code.asText().matches(StateCode.REGEX)) {
                    throw Problems.invalid("addressees", "must be \"ALL_STATES_PARTIES\" or a list of three-letter State codes");
                }
                codes.add(code.asText());
            }
            return List.copyOf(new TreeSet<>(codes));
        }
    }

    public record DateRequest(@NotNull LocalDate date) {
    }

    /** {@code dateKnownTo}: "2022-07" when only the month of the issue is known ({@code date} is then its last day). */
    public record IssuanceRequest(@NotNull LocalDate date, @Size(max = 7) String dateKnownTo) {
    }

    /** A count of responses the secretariat published, as at a date, with the document and paragraph printing it. */
    public record PublishedFigureRequest(@NotNull LocalDate asAt, @Size(max = 7) String asAtKnownTo,
                                         @NotNull @PositiveOrZero @Max(1000) Integer value, @NotNull @Valid Source source,
                                         @Size(max = 5000) String text) {
    }

    public record DeadlineRequest(@NotNull LocalDate deadline) {
    }
}
