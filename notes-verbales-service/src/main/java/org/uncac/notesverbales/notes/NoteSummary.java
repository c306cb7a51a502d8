package org.uncac.notesverbales.notes;

import java.time.LocalDate;
import java.util.List;

/** A note verbale in a list: {@code addressees} is how many States it was issued to (null for a draft). */
public record NoteSummary(String id, String reference, String subject, String status, LocalDate issuedOn,
                          String issuedOnKnownTo, LocalDate deadline, LocalDate closedOn, Integer addressees,
                          List<String> mandates) {

    static NoteSummary of(Note note) {
        return new NoteSummary(note.id(), note.reference(), note.subject(), note.status(), note.issuedOn(),
                note.issuedOnKnownTo(), note.deadline(), note.closedOn(),
                note.issued() ? note.issuedAddressees().size() : null, note.mandates());
    }
}
