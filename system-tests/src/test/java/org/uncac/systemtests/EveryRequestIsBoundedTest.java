package org.uncac.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request body of every service is validated ({@code @Valid}) and bounded: each text has a maximum
 * length ({@code @Size} or a {@code @Pattern}), each list and map a maximum size, at every depth, so the OpenAPI
 * documents state the limits ({@code maxLength}, {@code maxItems}) and an over-long value is a 400 naming its
 * field, never a megabyte kept in the store forever. A new request record without limits fails here.
 */
class EveryRequestIsBoundedTest {

    /** Fields whose shape is checked in code, with why. */
    private static final Set<String> CHECKED_IN_CODE = Set.of(
            "DraftRequest.addressees",      // "ALL_STATES_PARTIES" or at most 250 codes, checked by the controller
            "ResponseRequest.answers");     // at most 200, each text, number or true/false of at most 20,000 characters

    private static final Set<Class<?>> BOUNDED_BY_TYPE = Set.of(LocalDate.class, Instant.class, Boolean.class,
            boolean.class, Integer.class, int.class, Long.class, long.class, Double.class, double.class);

    @Test
    void everyRequestBodyIsValidatedAndBoundedAtEveryDepth() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        for (BeanDefinition controller : scanner.findCandidateComponents("org.uncac")) {
            Class<?> type = ClassUtils.forName(controller.getBeanClassName(), getClass().getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (!parameter.isAnnotationPresent(RequestBody.class)) {
                        continue;
                    }
                    bodies++;
                    String where = type.getSimpleName() + "." + method.getName();
                    if (!parameter.isAnnotationPresent(Valid.class)) {
                        problems.add(where + ": the body is not @Valid");
                    }
                    checkRecord(parameter.getType(), where, problems);
                }
            }
        }
        assertThat(bodies).as("request bodies found").isGreaterThanOrEqualTo(28);
        assertThat(problems).isEmpty();
    }

    private void checkRecord(Class<?> type, String where, List<String> problems) {
        if (!type.isRecord()) {
            problems.add(where + ": " + type.getSimpleName() + " is not a record");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = type.getSimpleName() + "." + component.getName();
            if (CHECKED_IN_CODE.contains(field)) {
                continue;
            }
            List<Annotation> annotations = new ArrayList<>(List.of(component.getAccessor().getAnnotations()));
            annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
            checkValue(component.getType(), component.getAnnotatedType(), annotations, where + " " + field, problems);
        }
    }

    private void checkValue(Class<?> type, AnnotatedType annotated, List<Annotation> annotations, String where,
                            List<String> problems) {
        if (BOUNDED_BY_TYPE.contains(type) || type.isEnum()) {
            return;
        }
        if (type == String.class) {
            if (!hasMax(annotations) && annotations.stream().noneMatch(EveryRequestIsBoundedTest::isPattern)) {
                problems.add(where + ": text without @Size(max) or @Pattern");
            }
            return;
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            if (!hasMax(annotations)) {
                problems.add(where + ": list or map without @Size(max)");
            }
            if (annotated instanceof AnnotatedParameterizedType parameterized) {
                AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
                AnnotatedType element = arguments[arguments.length - 1];
                Class<?> elementType = raw(element);
                List<Annotation> elementAnnotations = new ArrayList<>(List.of(element.getAnnotations()));
                if (elementType.isRecord() && annotations.stream().noneMatch(Valid.class::isInstance)
                        && elementAnnotations.stream().noneMatch(Valid.class::isInstance)) {
                    problems.add(where + ": elements are not @Valid");
                }
                if (elementType.isRecord()) {
                    checkRecord(elementType, where + "[]", problems);
                } else {
                    checkValue(elementType, element, elementAnnotations, where + "[]", problems);
                }
            }
            return;
        }
        if (type == JsonNode.class || type == Object.class) {
            problems.add(where + ": free-form value, neither typed nor bounded");
            return;
        }
        if (type.isRecord()) {
            if (annotations.stream().noneMatch(Valid.class::isInstance)) {
                problems.add(where + ": nested record is not @Valid");
            }
            checkRecord(type, where, problems);
            return;
        }
        problems.add(where + ": " + type.getSimpleName() + " has no known bound");
    }

    private static boolean hasMax(List<Annotation> annotations) {
        return annotations.stream().anyMatch(a -> a instanceof Size size && size.max() < Integer.MAX_VALUE);
    }

    private static Class<?> raw(AnnotatedType type) {
        if (type.getType() instanceof Class<?> plain) {
            return plain;
        }
        if (type.getType() instanceof java.lang.reflect.ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    /** A {@code @Pattern}, or a constraint made of one ({@code @StateCode}). */
    private static boolean isPattern(Annotation annotation) {
        return annotation instanceof Pattern || annotation.annotationType().isAnnotationPresent(Pattern.class);
    }
}
