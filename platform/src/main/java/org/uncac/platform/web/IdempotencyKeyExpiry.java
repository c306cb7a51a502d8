package org.uncac.platform.web;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/** Keeps the idempotency keys' expiry running while the service runs. */
public class IdempotencyKeyExpiry implements SmartLifecycle {

    private final IdempotencyKeyFilter filter;
    private volatile Disposable running;

    public IdempotencyKeyExpiry(IdempotencyKeyFilter filter) {
        this.filter = filter;
    }

    @Override
    public void start() {
        running = filter.expireKeys().subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
