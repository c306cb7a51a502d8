package org.uncac.meetings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Meetings of the expert group: agendas, sessions, chairs, attendance, report adoption. */
@SpringBootApplication
@EnableScheduling
public class MeetingsApplication {
    public static void main(String[] args) {
        SpringApplication.run(MeetingsApplication.class, args);
    }
}
