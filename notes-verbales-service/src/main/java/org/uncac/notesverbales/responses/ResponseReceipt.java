package org.uncac.notesverbales.responses;

import java.time.Instant;
import java.time.LocalDate;

/** What a State is told when its response is stored: which it is, and when and by whom it was recorded. */
public record ResponseReceipt(String responseId, String stateCode, LocalDate receivedOn, Instant recordedAt,
                              String recordedBy) {
}
