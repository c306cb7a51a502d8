package org.uncac.directory.referencedata;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.uncac.directory.parties.StatePartyCommands.ImportStateParty;

/**
 * At every start, makes sure the reference list of States parties is in the directory, as events. Parties
 * already registered are left as they are, so restarts and concurrent instances change nothing.
 * Switch off with {@code uncac.directory.import-reference-data=false}.
 */
@Component
@ConditionalOnProperty(name = "uncac.directory.import-reference-data", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
public class ReferenceDataImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataImport.class);

    private final CommandGateway commands;

    @Override
    public void run(ApplicationArguments args) {
        int count = 0;
        for (ImportStateParty party : StatesPartiesReferenceData.load()) {
            try {
                commands.sendAndWait(party);
                count++;
            } catch (AggregateStreamCreationException | ConcurrencyException e) {
                log.debug("{} was imported concurrently by another instance", party.code());
            }
        }
        log.info("reference list of States parties checked: {} parties", count);
    }
}
