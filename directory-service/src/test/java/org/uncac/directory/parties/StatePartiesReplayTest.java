package org.uncac.directory.parties;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;
import org.uncac.platform.test.EmbeddedMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is rebuilt from the event store alone: reset the processor, replay, same answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StatePartiesReplayTest {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", mongo::connectionString);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    StatePartiesQueries queries;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replayingGivesIdenticalAnswers() {
        commands.sendAndWait(new RegisterStateParty("SWZ", "Swaziland", PartyKind.STATE, LocalDate.of(2012, 10, 24),
                RegionalGroup.AFRICAN, "secretariat"));
        commands.sendAndWait(new RenameStateParty("SWZ", "Eswatini", LocalDate.of(2018, 4, 19), "secretariat"));
        commands.sendAndWait(new RegisterStateParty("CZE", "Czech Republic", PartyKind.STATE, LocalDate.of(2013, 11, 29),
                RegionalGroup.EASTERN_EUROPEAN, "secretariat"));
        commands.sendAndWait(new RenameStateParty("CZE", "Czechia", LocalDate.of(2016, 5, 17), "secretariat"));

        List<LocalDate> dates = List.of(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> answers(dates).get(2).contains("SWZ Eswatini"));
        List<List<String>> before = answers(dates);
        assertThat(before.get(0)).containsExactly("SWZ Swaziland");
        assertThat(before.get(1)).containsExactly("CZE Czechia", "SWZ Swaziland");

        TrackingEventProcessor processor = processing
                .eventProcessor(StatePartiesProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(answers(dates).get(2)).as("the reset handler emptied the read model").isEmpty();
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !processor.isReplaying() && answers(dates).equals(before));
        assertThat(answers(dates)).isEqualTo(before);
    }

    private List<List<String>> answers(List<LocalDate> dates) {
        return dates.stream().map(date -> queries.asAt(date, null).map(p -> p.code() + " " + p.name())
                .collectList().block()).toList();
    }
}
