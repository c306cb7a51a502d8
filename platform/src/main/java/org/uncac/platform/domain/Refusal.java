package org.uncac.platform.domain;

/**
 * A command the domain refuses: an answer, not a failure, so it carries no stack trace. Aggregates throw these
 * and know nothing of HTTP; the platform's web layer answers each kind with its problem once
 * ({@code Problems.of}).
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.BrokenRule, Refusal.Conflict, Refusal.NotFound, Refusal.Forbidden, Refusal.InvalidField {

    private Refusal(String detail) {
        super(detail, null, false, false);
    }

    /** Valid, but a business rule says no ("a reminder cannot precede the note's issue date"). */
    public static BrokenRule refused(String detail) {
        return new BrokenRule(detail);
    }

    /** What is asked conflicts with what has happened ("already issued"). */
    public static Conflict conflict(String detail) {
        return new Conflict(detail);
    }

    public static NotFound notFound(String what, String id) {
        return new NotFound(what + " '" + id + "' does not exist");
    }

    /** The one asking may not do this to this thing (another State's authority). */
    public static Forbidden forbidden(String detail) {
        return new Forbidden(detail);
    }

    /** A field of the command is wrong in a way only the aggregate can tell (a date before another it holds). */
    public static InvalidField invalid(String field, String message) {
        return new InvalidField(field, message);
    }

    public static final class BrokenRule extends Refusal {
        private BrokenRule(String detail) {
            super(detail);
        }
    }

    public static final class Conflict extends Refusal {
        private Conflict(String detail) {
            super(detail);
        }
    }

    public static final class NotFound extends Refusal {
        private NotFound(String detail) {
            super(detail);
        }
    }

    public static final class Forbidden extends Refusal {
        private Forbidden(String detail) {
            super(detail);
        }
    }

    public static final class InvalidField extends Refusal {
        private final String field;
        private final String reason;

        private InvalidField(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return reason;
        }
    }
}
