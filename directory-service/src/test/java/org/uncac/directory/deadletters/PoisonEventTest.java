package org.uncac.directory.deadletters;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.uncac.directory.parties.PartyKind;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyEvents.StatePartyRegistered;
import org.uncac.platform.deadletters.DeadLettersEndpoint;
import org.uncac.platform.test.WithInMemoryMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that throws on one poison event: the event is parked in the dead-letter queue (visible through
 * the actuator endpoint), later events still flow, and a retry after the fix applies it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "uncac.directory.import-reference-data=false")
class PoisonEventTest extends WithInMemoryMongo {

    static final String GROUP = "directory.poison-test";

    /** Fails on XPO until fixed; counts what it applied. */
    @ProcessingGroup(GROUP)
    static class FragileProjection {
        final AtomicBoolean fixed = new AtomicBoolean();
        final Map<String, Integer> applied = new ConcurrentHashMap<>();

        @EventHandler
        void on(StatePartyRegistered event) {
            if (event.code().equals("XPO") && !fixed.get()) {
                throw new IllegalStateException("cannot handle " + event.code());
            }
            applied.merge(event.code(), 1, Integer::sum);
        }
    }

    @TestConfiguration
    static class Fragile {
        @Bean
        FragileProjection fragileProjection() {
            return new FragileProjection();
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    FragileProjection projection;
    @Autowired
    DeadLettersEndpoint deadLetters;

    @Test
    @SuppressWarnings("unchecked")
    void aPoisonEventIsParkedLaterEventsFlowAndARetryAppliesItOnce() {
        commands.sendAndWait(new RegisterStateParty("XPO", "Poison", PartyKind.STATE, LocalDate.of(2026, 1, 1), null, "test"));
        commands.sendAndWait(new RegisterStateParty("XPB", "Fine", PartyKind.STATE, LocalDate.of(2026, 1, 1), null, "test"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(projection.applied).containsEntry("XPB", 1).doesNotContainKey("XPO");
            Map<String, Object> parked = (Map<String, Object>) deadLetters.deadLetters().get(GROUP);
            assertThat(parked).containsEntry("size", 1L);
        });
        Map<String, Object> parked = (Map<String, Object>) deadLetters.deadLetters().get(GROUP);
        assertThat((Iterable<Map<String, Object>>) parked.get("letters")).singleElement()
                .satisfies(letter -> assertThat((String) letter.get("cause")).contains("cannot handle XPO"));

        projection.fixed.set(true);
        Map<String, Object> retried = deadLetters.retry(GROUP);
        assertThat(retried).containsEntry("remaining", 0L);
        assertThat(projection.applied).containsEntry("XPO", 1).containsEntry("XPB", 1);
        assertThat(deadLetters.retry(GROUP)).containsEntry("sequencesRetried", 0);
        assertThat(projection.applied).containsEntry("XPO", 1);
    }
}
