package org.uncac.directory.parties;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;
import org.uncac.platform.test.WithInMemoryMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is rebuilt from the event store alone: reset the processor, replay, same answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "uncac.directory.import-reference-data=false")
class StatePartiesReplayTest extends WithInMemoryMongo {

    @Autowired
    CommandGateway commands;
    @Autowired
    StatePartiesQueries queries;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    org.uncac.directory.authorities.AuthoritiesQueries authorities;

    @Test
    void replayingGivesIdenticalAnswers() {
        commands.sendAndWait(new RegisterStateParty("SWZ", "Swaziland", PartyKind.STATE, LocalDate.of(2012, 10, 24),
                RegionalGroup.AFRICAN, "secretariat"));
        commands.sendAndWait(new RenameStateParty("SWZ", "Eswatini", LocalDate.of(2018, 4, 19), "secretariat"));
        commands.sendAndWait(new RegisterStateParty("CZE", "Czech Republic", PartyKind.STATE, LocalDate.of(2013, 11, 29),
                RegionalGroup.EASTERN_EUROPEAN, "secretariat"));
        commands.sendAndWait(new RenameStateParty("CZE", "Czechia", LocalDate.of(2016, 5, 17), "secretariat"));

        var details = new org.uncac.directory.authorities.AuthorityDetails("Ministry of Justice", null, null, null, null, null, null);
        commands.sendAndWait(new org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority("a1", "SWZ",
                org.uncac.directory.authorities.AuthorityType.EXTRADITION, details, LocalDate.of(2014, 1, 1), "secretariat", null));
        commands.sendAndWait(new org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority("a2", "CZE",
                org.uncac.directory.authorities.AuthorityType.EXTRADITION, details, LocalDate.of(2014, 1, 1), "secretariat", null));
        commands.sendAndWait(new org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority("a2",
                LocalDate.of(2018, 1, 1), null, "secretariat", null));

        List<LocalDate> dates = List.of(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> answers(dates).get(2).contains("SWZ Eswatini")
                && coverage(dates).get(2).equals(List.of(0, 0, 1, 0, 0)));
        List<List<String>> before = answers(dates);
        assertThat(before.get(0)).containsExactly("SWZ Swaziland");
        assertThat(before.get(1)).containsExactly("CZE Czechia", "SWZ Swaziland");

        List<List<Integer>> coverageBefore = coverage(dates);
        assertThat(coverageBefore.get(1)).containsExactly(0, 0, 2, 0, 0);

        for (String group : List.of(StatePartiesProjection.PROCESSING_GROUP,
                org.uncac.directory.authorities.AuthoritiesProjection.PROCESSING_GROUP)) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
        }
        assertThat(answers(dates).get(2)).as("the reset handler emptied the read model").isEmpty();
        assertThat(coverage(dates).get(2)).containsExactly(0, 0, 0, 0, 0);
        processing.eventProcessors().values().forEach(p -> p.start());
        await().atMost(Duration.ofSeconds(10)).until(() -> answers(dates).equals(before) && coverage(dates).equals(coverageBefore));
        assertThat(answers(dates)).isEqualTo(before);
        assertThat(coverage(dates)).isEqualTo(coverageBefore);
    }

    private List<List<Integer>> coverage(List<LocalDate> dates) {
        return dates.stream().map(date -> List.copyOf(authorities.coverage(date, null).block().byType().values())).toList();
    }

    private List<List<String>> answers(List<LocalDate> dates) {
        return dates.stream().map(date -> queries.asAt(date, null).map(p -> p.code() + " " + p.name())
                .collectList().block()).toList();
    }
}
