package org.uncac.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.session.data.mongo.config.annotation.web.reactive.EnableMongoWebSession;

/**
 * The console: pages for the secretariat, chairs and States' focal points. It keeps no data of its own but its
 * sessions (in the suite's MongoDB, so that several instances share them) and reads and writes only through
 * the gateway's public API, with the signed-in person's token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableMongoWebSession(collectionName = "console_sessions", maxInactiveIntervalInSeconds = 8 * 3600)
public class ConsoleApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
