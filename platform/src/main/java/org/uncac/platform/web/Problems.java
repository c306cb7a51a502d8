package org.uncac.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import java.util.List;

/**
 * The refusals a service can give, each an RFC 9457 problem. Throw them from controllers, or let command
 * handlers throw them: they travel through Axon's local command bus unchanged.
 */
public final class Problems {

    private Problems() {
    }

    /** 404: an id that names nothing. */
    public static ErrorResponseException notFound(String what, String id) {
        return problem(HttpStatus.NOT_FOUND, "Not found", what + " '" + id + "' does not exist");
    }

    /** 409: the request conflicts with the current state. */
    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** 422: valid, but refused by a business rule. */
    public static ErrorResponseException refused(String detail) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a business rule", detail);
    }

    /** 400 naming the field at fault. */
    public static ErrorResponseException invalid(String field, String message) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message);
        e.getBody().setProperty("errors", List.of(new FieldError(field, message)));
        return e;
    }

    /** 403: the caller may not do this. */
    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new DomainProblem(status, body);
    }

    /** One entry of a problem's {@code errors} list. */
    public record FieldError(String field, String message) {
    }

    /** A problem raised by the domain: carries no stack trace, it is an answer, not a failure. */
    static final class DomainProblem extends ErrorResponseException {
        DomainProblem(HttpStatus status, ProblemDetail body) {
            super(status, body, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }
    }
}
