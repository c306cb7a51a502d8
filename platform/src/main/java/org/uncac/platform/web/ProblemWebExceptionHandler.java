package org.uncac.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last resort for failures outside any controller (unknown paths, wrong methods, filters): still an
 * RFC 9457 problem, never a stack trace.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private final ObjectMapper objectMapper;

    public ProblemWebExceptionHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail body;
        if (ex instanceof ErrorResponse error) {
            body = error.getBody();
        } else {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed");
            body.setTitle("Internal error");
        }
        return write(response, body, objectMapper);
    }

    public static Mono<Void> write(ServerHttpResponse response, ProblemDetail body, ObjectMapper objectMapper) {
        response.setStatusCode(HttpStatusCode.valueOf(body.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes;
        try {
            bytes = objectMapper.writeValueAsBytes(body);
        } catch (Exception e) {
            bytes = ("{\"status\":" + body.getStatus() + "}").getBytes();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
