package org.uncac.notesverbales.notes;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No pessimistic lock for notes verbales: every response reads its note, and a per-note lock would make 190
 * simultaneous responses wait for each other. Optimistic concurrency in the event store still guards writes.
 */
@Configuration
public class NoteVerbaleLocking {

    @Bean
    public LockFactory noteVerbaleLocks() {
        return NullLockFactory.INSTANCE;
    }
}
