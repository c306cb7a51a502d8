package org.uncac.notesverbales.responses;

import org.uncac.notesverbales.notes.NotesQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncac.notesverbales.NotesVerbalesApplication;
import org.uncac.notesverbales.notes.NoteCommands;
import org.uncac.notesverbales.notes.Question;
import org.uncac.notesverbales.parties.DirectoryEvents;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.test.InMemoryMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one store: their processors split the segments through the token store,
 * commands for one note come through both, the read model is exact, and when one instance goes the other
 * takes over its segments once their claims time out.
 */
class TwoInstancesTest {

    private static InMemoryMongo mongo;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        first = instance("first");
        second = instance("second");
    }

    @AfterAll
    static void stop() {
        if (second.isActive()) {
            second.close();
        }
        first.close();
        mongo.close();
    }

    private static ConfigurableApplicationContext instance(String name) {
        return new SpringApplicationBuilder(NotesVerbalesApplication.class).web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + mongo.connectionString(), "--uncac.eventstore.segments=2",
                        "--uncac.eventstore.claim-timeout=PT3S", "--spring.jmx.enabled=false",
                        "--spring.application.name=notes-verbales-" + name);
    }

    private static Set<Integer> segments(ConfigurableApplicationContext context, String group) {
        return new TreeSet<>(context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, TrackingEventProcessor.class).orElseThrow().processingStatus().keySet());
    }

    @Test
    void twoInstancesSplitTheWorkAndOneTakesOverWhenTheOtherGoes() {
        String group = ResponsesProjection.PROCESSING_GROUP;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(segments(first, group)).isNotEmpty();
            assertThat(segments(second, group)).isNotEmpty();
            Set<Integer> all = new TreeSet<>(segments(first, group));
            all.addAll(segments(second, group));
            assertThat(all).containsExactly(0, 1);
        });

        List<String> states = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            states.add("X" + (char) ('A' + i) + "A");
        }
        EventGateway events = first.getBean(EventGateway.class);
        for (String state : states) {
            events.publish(new DirectoryEvents.StatePartyRegistered(state, state, LocalDate.of(2010, 1, 1), "AFRICAN"));
        }
        PartiesReplica parties = first.getBean(PartiesReplica.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> parties.asAt(LocalDate.of(2020, 1, 1)).block().size() == 20);

        CommandGateway viaFirst = first.getBean(CommandGateway.class);
        CommandGateway viaSecond = second.getBean(CommandGateway.class);
        viaFirst.sendAndWait(new NoteCommands.DraftNoteVerbale("two", new NoteCommands.Draft("CU 2020/1", "s", "b",
                List.of(new Question("q1", "?", null, null)), List.of(), List.of(), null, null), "secretariat"));
        viaSecond.sendAndWait(new NoteCommands.IssueNoteVerbale("two", LocalDate.of(2020, 1, 1), null, states, "secretariat"));
        for (int i = 0; i < states.size(); i++) {
            (i % 2 == 0 ? viaFirst : viaSecond).sendAndWait(new ResponseCommands.SubmitResponse("r" + i, "two", states.get(i),
                    LocalDate.of(2020, 2, 1), true, Map.of("q1", "yes"), null, List.of(), "secretariat"));
        }
        NotesQueries queries = second.getBean(NotesQueries.class);
        ResponsesQueries rates = second.getBean(ResponsesQueries.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> queries.note("two")
                .flatMap(note -> rates.responseRate(note, LocalDate.of(2020, 3, 1), null)).map(r -> r.responded())
                .blockOptional().orElse(0) == 20);

        second.close();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(segments(first, group)).containsExactly(0, 1));
        viaFirst.sendAndWait(new ResponseCommands.SubmitResponse("late", "two", states.get(0), LocalDate.of(2020, 2, 2),
                false, Map.of(), null, List.of(), "secretariat"));
        NotesQueries survivor = first.getBean(NotesQueries.class);
        ResponsesQueries survivorRates = first.getBean(ResponsesQueries.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.note("two")
                .flatMap(note -> survivorRates.responseRate(note, LocalDate.of(2020, 3, 1), null)).map(r -> r.substantive())
                .blockOptional().orElse(0) == 19);
        assertThat(survivor.note("two").flatMap(note -> survivorRates.responseRate(note, LocalDate.of(2020, 3, 1), null))
                .block().responded()).isEqualTo(20);
    }
}
