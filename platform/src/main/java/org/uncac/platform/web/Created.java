package org.uncac.platform.web;

/** What a write that creates something answers: the new thing's id (its address is the Location header). */
public record Created(String id) {
}
