package org.uncac.notesverbales.responses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.uncac.platform.validation.StateCode;
import org.uncac.platform.web.Problems;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body a State (or the secretariat for it) sends to respond to a note verbale, bounded. */
public final class ResponseRequests {

    private ResponseRequests() {
    }

    /** The longest answer a State may give to one question. */
    static final int MAX_ANSWER_LENGTH = 20_000;

    public record AttachmentRequest(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 200) String mediaType,
                                    @PositiveOrZero long size,
                                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hexadecimal") String sha256) {
    }

    /** {@code answers}: by question id, each text, a number or true/false. */
    public record ResponseRequest(@NotBlank @StateCode String stateCode,
                                  @NotNull LocalDate receivedOn, @NotNull Boolean substantive,
                                  @Size(max = 200) Map<@Size(max = 50) String, Object> answers, @Size(max = 100) String channel,
                                  @Valid @Size(max = 50) List<AttachmentRequest> attachments) {

        /** The answers as text, in the order given. */
        Map<String, String> answersAsText() {
            Map<String, String> text = new LinkedHashMap<>();
            if (answers != null) {
                answers.forEach((question, answer) -> {
                    if (!(answer instanceof String || answer instanceof Number || answer instanceof Boolean)) {
                        throw Problems.invalid("answers." + question, "must be text, a number or true/false");
                    }
                    if (answer.toString().length() > MAX_ANSWER_LENGTH) {
                        throw Problems.invalid("answers." + question, "must be at most " + MAX_ANSWER_LENGTH + " characters");
                    }
                    text.put(question, answer.toString());
                });
            }
            return text;
        }

        List<Attachment> attachmentList() {
            return attachments == null ? List.of() : attachments.stream()
                    .map(a -> new Attachment(a.name(), a.mediaType(), a.size(), a.sha256())).toList();
        }
    }
}
