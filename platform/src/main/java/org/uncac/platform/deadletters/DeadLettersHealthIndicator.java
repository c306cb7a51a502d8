package org.uncac.platform.deadletters;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code deadLetters} in {@code /actuator/health}: DEGRADED while any projection holds parked events, with
 * how many per processing group, so a parked event is never silently OK (DEGRADED still answers 200: the
 * service works, but a read model misses what is parked). Said once more in the log at every start.
 */
public class DeadLettersHealthIndicator extends AbstractHealthIndicator implements ApplicationRunner {

    public static final Status DEGRADED = new Status("DEGRADED", "Events are parked in a dead-letter queue");
    private static final Logger log = LoggerFactory.getLogger(DeadLettersHealthIndicator.class);

    private final EventProcessingConfiguration processing;

    public DeadLettersHealthIndicator(EventProcessingConfiguration processing) {
        super("The dead-letter queues cannot be read");
        this.processing = processing;
    }

    /** Parked events per processing group, only the groups that have any. */
    public Map<String, Long> parked() {
        Map<String, Long> parked = new TreeMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            long size = processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
            if (size > 0) {
                parked.put(group, size);
            }
        }
        return parked;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> parked = parked();
        builder.status(parked.isEmpty() ? Status.UP : DEGRADED).withDetail("parkedSequences", parked);
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Long> parked = parked();
        if (!parked.isEmpty()) {
            log.warn("Events are parked in dead-letter queues (sequences per processing group): {}. "
                    + "See GET /actuator/deadletters; retry with POST /actuator/deadletters/{group} after a fix.", parked);
        }
    }
}
