package org.uncac.platform.commands;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.uncac.platform.security.Caller;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Sends a command made for the caller of the request (who records it, for which State), once the caller is known:
 * nothing is sent until the returned {@link Mono} is subscribed to, so a step chained after another runs only
 * when the first succeeded.
 */
public final class AsCaller {

    private AsCaller() {
    }

    public static <R> Mono<R> send(CommandGateway commands, Function<Caller, Object> command) {
        return Caller.current().flatMap(caller -> Mono.fromFuture(commands.<R>send(command.apply(caller))));
    }
}
