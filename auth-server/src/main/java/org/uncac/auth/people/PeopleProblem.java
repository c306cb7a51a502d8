package org.uncac.auth.people;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** 400 naming a field, as the rest of the API does. */
final class PeopleProblem extends ResponseStatusException {
    final String field;

    PeopleProblem(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field + ": " + message);
        this.field = field;
        getBody().setTitle("Invalid request");
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
