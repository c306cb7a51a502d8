package org.uncac.notesverbales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Notes verbales to States parties, reminders, responses and response rates as at any date. */
@SpringBootApplication
public class NotesVerbalesApplication {
    public static void main(String[] args) {
        SpringApplication.run(NotesVerbalesApplication.class, args);
    }
}
