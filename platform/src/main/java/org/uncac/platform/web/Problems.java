package org.uncac.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.uncac.platform.domain.Refusal;

import java.util.List;

/**
 * The refusals a service can give, each an RFC 9457 problem. Controllers throw them; aggregates throw a
 * {@link Refusal}, answered here as its problem ({@link #of}).
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

    /** The problem that answers a refusal of the domain. */
    public static ErrorResponseException of(Refusal refusal) {
        if (refusal instanceof Refusal.InvalidField invalid) {
            return invalid(invalid.field(), invalid.reason());
        }
        if (refusal instanceof Refusal.Conflict) {
            return conflict(refusal.getMessage());
        }
        if (refusal instanceof Refusal.NotFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage());
        }
        if (refusal instanceof Refusal.Forbidden) {
            return forbidden(refusal.getMessage());
        }
        return refused(refusal.getMessage());
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
