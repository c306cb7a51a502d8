package org.uncac.notesverbales.responses;

/** Metadata of a document attached to a response; the bytes stay outside the event store. */
public record Attachment(String name, String mediaType, long size, String sha256) {
}
