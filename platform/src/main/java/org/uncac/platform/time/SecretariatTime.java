package org.uncac.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of a service, in the secretariat's time zone ({@code uncac.time-zone}, default Europe/Vienna):
 * "today" for as-at defaults, deadlines and the dates that may not lie in the future, and the business date
 * of a recording instant. Every service takes "today" from here, never from the JVM's zone.
 */
public final class SecretariatTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Vienna");

    private final Clock clock;

    public SecretariatTime(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in the secretariat's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** {@code asAt}, or today when the caller gave none. */
    public LocalDate orToday(LocalDate asAt) {
        return asAt == null ? today() : asAt;
    }

    /** The date in the secretariat's zone on which {@code instant} fell. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }
}
