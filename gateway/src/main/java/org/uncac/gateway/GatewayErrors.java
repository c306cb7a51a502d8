package org.uncac.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;

/**
 * Failures at the gateway itself are problems too: no route (404), a body over the limit (413), a service
 * that is down (503) or slow (504). Nothing about the inside is shown.
 */
@Component
@Order(-2)
@RequiredArgsConstructor
public class GatewayErrors implements WebExceptionHandler {

    private final ObjectMapper objectMapper;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        HttpStatusCode status;
        String detail;
        if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            detail = rse.getReason() != null ? rse.getReason()
                    : status.value() == 404 ? "No such path" : Problems.titleOf(status);
            if (status.value() == 503 || status.value() == 504) {
                detail = "The service behind this path is not available; retry shortly";
            }
        } else if (ex instanceof ConnectException || ex.getCause() instanceof ConnectException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The service behind this path is not available; retry shortly";
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "The request could not be completed";
        }
        return Problems.write(exchange.getResponse(), objectMapper, status, Problems.titleOf(status), detail);
    }
}
