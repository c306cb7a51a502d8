package org.uncac.platform.eventstore;

/**
 * What the event store holds at a global index whose append will never come: a reader gave the index up
 * (missing longer than the gap timeout, or inside a hole wider than the look-ahead) or the writer's own append
 * failed. It is delivered like an event so that tracking processors move their tokens past it; no handler
 * handles it.
 *
 * @param globalIndex the index it fills
 */
public record Tombstone(long globalIndex) {
}
