package org.uncac.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A State party's code: three capital letters, ISO 3166-1 alpha-3 where one exists. Absent is valid. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = StateCode.REGEX)
@ReportAsSingleViolation
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface StateCode {

    String REGEX = "[A-Z]{3}";

    String message() default "must be three capital letters (ISO 3166-1 alpha-3)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
