package org.uncac.notesverbales.notes;

import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.uncac.platform.web.Problems;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Notes verbales as their read model holds them. */
@Component
@RequiredArgsConstructor
public class NotesQueries {

    private final ReactiveMongoTemplate mongo;

    public Mono<Note> note(String noteId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(noteId)), Document.class, NotesProjection.COLLECTION)
                .map(Note::of);
    }

    /** The note, or a 404 naming it. */
    public Mono<Note> existing(String noteId) {
        return note(noteId).switchIfEmpty(Mono.error(() -> Problems.notFound("Note verbale", noteId)));
    }

    public Mono<List<Note>> allNotes() {
        return mongo.findAll(Document.class, NotesProjection.COLLECTION).map(Note::of).collectList();
    }

    /** Notes verbales whose issue date falls in [from, to] (drafts only without either), by status and text. */
    public Mono<List<Note>> list(LocalDate from, LocalDate to, String status, String text, String onlyAddressee) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        return mongo.findAll(Document.class, NotesProjection.COLLECTION).map(Note::of).filter(note -> {
            LocalDate issuedOn = note.issuedOn();
            if ((from != null || to != null) && issuedOn == null) {
                return false;
            }
            if (from != null && issuedOn.isBefore(from) || to != null && issuedOn.isAfter(to)) {
                return false;
            }
            if (status != null && !status.equals(note.status())) {
                return false;
            }
            if (onlyAddressee != null && !note.issuedAddressees().contains(onlyAddressee)) {
                return false;
            }
            return needle == null || (note.reference() + " " + note.subject()).toLowerCase(Locale.ROOT).contains(needle);
        }).sort(Comparator.comparing((Note note) -> String.valueOf(note.issuedOn())).reversed()).collectList();
    }
}
