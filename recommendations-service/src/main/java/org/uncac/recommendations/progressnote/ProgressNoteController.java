package org.uncac.recommendations.progressnote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The draft of the secretariat's note on progress in implementing the mandates of a meeting's body, as at a
 * date ({@link ProgressNoteWriter}). Markdown by default; {@code format=docx} for Word.
 */
@RestController
@Tag(name = "Progress note")
@RequestMapping("/api/recommendations")
@RequiredArgsConstructor
public class ProgressNoteController {

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ProgressNoteWriter writer;
    private final SecretariatTime time;

    @Operation(summary = "The draft progress note on a body's mandates as at a date (Markdown or Word)")
    @GetMapping("/progress-note")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'CHAIR')")
    public Mono<ResponseEntity<byte[]>> progressNote(@RequestParam String meeting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy,
            @RequestParam(defaultValue = "markdown") String format) {
        if (!format.equals("markdown") && !format.equals("docx")) {
            throw Problems.invalid("format", "must be markdown or docx");
        }
        LocalDate date = time.orToday(asAt);
        return writer.write(meeting, date, recordedBy)
                .map(note -> format.equals("docx")
                        ? ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-note-" + date + ".docx\"")
                                .contentType(DOCX).body(note.docx())
                        : ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                                .body(note.markdown().getBytes(StandardCharsets.UTF_8)));
    }
}
