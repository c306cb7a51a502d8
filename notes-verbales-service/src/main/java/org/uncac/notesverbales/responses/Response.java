package org.uncac.notesverbales.responses;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response as {@link ResponsesProjection} keeps it, read back from its document in one place ({@link #of}). */
public record Response(String responseId, String noteId, String stateCode, LocalDate receivedOn, boolean substantive,
                       Map<String, String> answers, String channel, List<Attachment> attachments, String supersedes,
                       Instant recordedAt, String recordedBy) {

    static Response of(Document r) {
        Map<String, String> answers = new LinkedHashMap<>();   // in the order given
        for (Document answer : r.getList("answers", Document.class, List.of())) {
            Object value = answer.get("answer");
            answers.put(answer.getString("question"), value == null ? null : value.toString());
        }
        List<Attachment> attachments = r.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new Attachment(a.getString("name"), a.getString("mediaType"),
                        ((Number) a.getOrDefault("size", 0L)).longValue(), a.getString("sha256")))
                .toList();
        return new Response(r.getString("responseId"), r.getString("noteId"), r.getString("stateCode"),
                LocalDate.parse(r.getString("receivedOn")), Boolean.TRUE.equals(r.getBoolean("substantive")), answers,
                r.getString("channel"), attachments, r.getString("supersedes"), Instant.parse(r.getString("recordedAt")),
                r.getString("recordedBy"));
    }
}
