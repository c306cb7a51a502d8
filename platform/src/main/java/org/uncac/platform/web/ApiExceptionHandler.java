package org.uncac.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.uncac.platform.domain.Refusal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import org.springframework.beans.TypeMismatchException;

/**
 * Turns every failure a controller can meet into an RFC 9457 problem: bad input 400 with the fields named,
 * refusals 404/409/422, and anything unexpected a 500 that says nothing about the inside.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (FieldError error : ex.getFieldErrors()) {
            errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage()));
        }
        ex.getGlobalErrors().forEach(e -> errors.add(new Problems.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return Mono.just(ResponseEntity.badRequest().body(invalid(errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return Mono.just(ResponseEntity.badRequest().body(invalid(errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(ex, DataBufferLimitException.class) != null) {
            return Mono.just(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
                    problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "The request body exceeds the limit")));
        }
        JsonProcessingException json = causedBy(ex, JsonProcessingException.class);
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = describe(mapping);
            return Mono.just(ResponseEntity.badRequest().body(invalid(List.of(new Problems.FieldError(field, message)))));
        }
        Matcher duplicate = json == null ? null
                : DUPLICATE_FIELD.matcher(String.valueOf(json.getOriginalMessage()));
        if (duplicate != null && duplicate.find()) {
            return Mono.just(ResponseEntity.badRequest().body(invalid(List.of(
                    new Problems.FieldError(duplicate.group(1), "is given twice")))));
        }
        if (json != null) {
            return Mono.just(ResponseEntity.badRequest().body(
                    problem(HttpStatus.BAD_REQUEST, "Malformed request", "The body is not well-formed JSON")));
        }
        String parameter = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        if (parameter != null) {
            String reason = ex.getReason() == null ? "is invalid" : ex.getReason();
            return Mono.just(ResponseEntity.badRequest().body(invalid(List.of(new Problems.FieldError(parameter,
                    ex.getCause() instanceof TypeMismatchException
                            ? "is not a valid " + typeName(ex.getMethodParameter().getParameterType()) : reason)))));
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Malformed request",
                ex.getReason() == null ? "The request could not be read" : ex.getReason());
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream().map(v -> {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            return new Problems.FieldError(field, v.getMessage());
        }).toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler({AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> alreadyExists(Exception ex) {
        Matcher m = Pattern.compile("identifier \\[([^]]*)]").matcher(String.valueOf(ex.getMessage()));
        String detail = m.find() ? "'" + m.group(1) + "' already exists" : "It already exists";
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict", detail));
    }

    @ExceptionHandler({ConcurrencyException.class})
    public ResponseEntity<ProblemDetail> concurrentChange(Exception ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "Conflict", "Changed concurrently by another request; retry"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", "'" + ex.getAggregateIdentifier() + "' does not exist"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this"));
    }

    @ExceptionHandler(Refusal.class)
    public Mono<ResponseEntity<Object>> refused(Refusal refusal, ServerWebExchange exchange) {
        ErrorResponseException problem = Problems.of(refusal);
        return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), exchange);
    }

    /** Failures wrapped by futures or by the command bus are answered as what they wrap. */
    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    public Mono<ResponseEntity<Object>> wrapped(Exception ex, ServerWebExchange exchange) {
        Throwable cause = ex.getCause();
        if (ex instanceof CommandExecutionException cee && cee.getDetails().isPresent()
                && cee.getDetails().get() instanceof ErrorResponseException inner) {
            cause = inner;
        }
        if (cause instanceof Refusal refusal) {
            cause = Problems.of(refusal);
        }
        if (cause instanceof ErrorResponseException response) {
            return handleErrorResponseException(response, response.getHeaders(), response.getStatusCode(), exchange);
        }
        if (cause instanceof AggregateStreamCreationException) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(alreadyExists((Exception) cause).getBody()));
        }
        if (cause instanceof ConcurrencyException) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange((Exception) cause).getBody()));
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).body(aggregateNotFound(notFound).getBody()));
        }
        if (cause instanceof Exception inner && cause != ex) {
            return unexpected(inner);
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(
                problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed")));
    }

    // ---------------------------------------------------------------------------------------------

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }

    static ProblemDetail invalid(List<Problems.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        body.setProperty("errors", errors);
        return body;
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "is not a valid " + typeName(target);
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be a " + typeName(mismatch.getTargetType());
        }
        return "is invalid";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == Instant.class) {
            return "instant (ISO 8601, UTC)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "object";
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return (T) t;
            }
        }
        return null;
    }
}
