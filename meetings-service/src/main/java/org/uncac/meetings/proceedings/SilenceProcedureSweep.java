package org.uncac.meetings.proceedings;

import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.uncac.meetings.proceedings.MeetingCommands.ConcludeSilenceProcedure;
import org.uncac.platform.time.SecretariatTime;

import java.time.LocalDate;
import java.util.List;

/**
 * Adopts a report whose silence procedure's deadline has passed unbroken. It looks every
 * {@code uncac.meetings.silence-sweep} (default one minute) for open procedures past their deadline and asks
 * the meeting to conclude; the meeting decides (a broken or already concluded procedure is left alone), so a
 * sweep that runs twice, or on two instances, adopts once. Unlike an in-memory deadline, nothing is lost when
 * the service restarts: the deadline lives in the event store and the sweep finds it again.
 */
@Component
@RequiredArgsConstructor
public class SilenceProcedureSweep {

    private static final Logger log = LoggerFactory.getLogger(SilenceProcedureSweep.class);

    private final MeetingsQueries queries;
    private final CommandGateway commands;
    private final SecretariatTime time;

    @Scheduled(fixedDelayString = "${uncac.meetings.silence-sweep:PT60S}", initialDelayString = "${uncac.meetings.silence-sweep:PT60S}")
    public void sweep() {
        LocalDate today = time.today();
        List<MeetingRecord> meetings = queries.all().blockOptional().orElse(List.of());
        for (MeetingRecord meeting : meetings) {
            MeetingRecord.Silence silence = meeting.silence();
            if (silence == null || silence.broken() != null || meeting.report() != null
                    || !today.isAfter(silence.deadline())) {
                continue;
            }
            try {
                commands.sendAndWait(new ConcludeSilenceProcedure(meeting.id(), today));
            } catch (RuntimeException e) {
                log.warn("could not conclude the silence procedure of meeting {}: {}", meeting.id(), e.getMessage());
            }
        }
    }
}
