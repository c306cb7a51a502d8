package org.uncac.recommendations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Recommendations adopted by meetings, their follow-up, and the secretariat's progress notes. */
@SpringBootApplication
public class RecommendationsApplication {
    public static void main(String[] args) {
        SpringApplication.run(RecommendationsApplication.class, args);
    }
}
