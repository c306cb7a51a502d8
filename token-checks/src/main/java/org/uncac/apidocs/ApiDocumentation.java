package org.uncac.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every operation of the OpenAPI documents says beyond its own annotations: the roles that may call it
 * (from its {@code @PreAuthorize}; {@code x-roles}), and the problems it can answer, each an RFC 9457 problem
 * with the {@code Problem} schema and an example.
 */
public final class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final List<String> ALL_ROLES = List.of("SECRETARIAT", "CHAIR", "STATE");

    private ApiDocumentation() {
    }

    /** The roles named by the method's (or its class's) {@code @PreAuthorize}; every role when there is none. */
    static List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return ALL_ROLES;
        }
        Matcher matcher = ROLE.matcher(rule.value());
        List<String> roles = new ArrayList<>();
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return roles;
    }

    public static Operation describe(Operation operation, HandlerMethod handler) {
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        String path = paths(onClass) + paths(onMethod);
        boolean write = onMethod != null && Arrays.stream(onMethod.method()).anyMatch(m -> m != RequestMethod.GET);
        List<String> roles = roles(handler);
        operation.addExtension("x-roles", roles);
        String who = "Roles: " + String.join(", ", roles) + "."
                + (roles.contains("STATE") ? " A State's client sees and changes only its own State's standing." : "");
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request: a parameter or a field of the body, named in errors");
        problems.put("401", "No valid bearer token");
        problems.put("403", "The caller's role or State may not do this");
        if (path.contains("{")) {
            problems.put("404", "What the path names does not exist");
        }
        if (write) {
            problems.put("409", "Conflicts with what has been recorded (already issued, already exists)");
        }
        if (body) {
            problems.put("413", "The body is larger than the gateway accepts");
        }
        if (write) {
            problems.put("422", "Valid, but refused by a business rule");
        }
        problems.put("429", "Too many requests from this client: retry after the Retry-After header's seconds");
        problems.forEach((status, meaning) -> responses.computeIfAbsent(status, s -> problem(s, meaning)));
        operation.setResponses(responses);
        return operation;
    }

    private static String paths(RequestMapping mapping) {
        return mapping == null ? "" : String.join(",", mapping.path());
    }

    private static ApiResponse problem(String status, String meaning) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", meaning.split(":")[0]);
        example.put("status", Integer.parseInt(status));
        example.put("detail", status.equals("400") ? "receivedOn: must not be null" : meaning);
        if (status.equals("400")) {
            example.put("errors", List.of(Map.of("field", "receivedOn", "message", "must not be null")));
        }
        return new ApiResponse().description(meaning).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(status, new Example().value(example))));
    }

    /** The RFC 9457 problem every error is answered with; {@code errors} names the fields at fault. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void addProblemSchema(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Schema error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        api.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error)));
    }
}
