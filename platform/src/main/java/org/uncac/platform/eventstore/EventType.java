package org.uncac.platform.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name an event is stored under, {@code <producing service>.<event>} ("notes-verbales.NoteVerbaleIssued"):
 * not its Java class, so that a record can move or be renamed without changing what is stored. The producer's
 * record and every consumer's own copy of it carry the same name; {@link EventTypes} resolves it on each side.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stable name, written to the store as the payload type. */
    String value();

    /** Other names this event is found under in the store (the class names it was stored under before it had a
     * stable name); read as this event, never written. */
    String[] formerly() default {};
}
