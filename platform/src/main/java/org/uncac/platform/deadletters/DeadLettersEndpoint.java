package org.uncac.platform.deadletters;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /actuator/deadletters}: the parked events of each processing group (type, aggregate, cause, when);
 * {@code POST /actuator/deadletters/{group}}: retry them after a fix (each applied once; still failing ones stay).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final EventProcessingConfiguration processing;

    public DeadLettersEndpoint(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @ReadOperation
    public Map<String, Object> deadLetters() {
        Map<String, Object> groups = new LinkedHashMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> groups.put(group, describe(queue)));
        }
        return groups;
    }

    @WriteOperation
    public Map<String, Object> retry(@Selector String group) {
        int processed = 0;
        var processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for " + group));
        while (processed < 10_000 && processor.processAny()) {
            processed++;
        }
        return Map.of("group", group, "sequencesRetried", processed,
                "remaining", processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L));
    }

    private static Map<String, Object> describe(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Map<String, Object>> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("eventIdentifier", letter.message().getIdentifier());
                entry.put("payloadType", letter.message().getPayloadType().getName());
                entry.put("cause", letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null));
                entry.put("enqueuedAt", letter.enqueuedAt().toString());
                entry.put("lastTouched", letter.lastTouched().toString());
                letters.add(entry);
            }
        }
        return Map.of("size", queue.size(), "letters", letters);
    }
}
