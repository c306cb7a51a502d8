package org.uncac.platform.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** One {@link Clock} per service in the secretariat's zone; a test replaces it with a fixed or moving clock. */
@AutoConfiguration
public class TimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock secretariatClock(@Value("${uncac.time-zone:Europe/Vienna}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    @ConditionalOnMissingBean
    public SecretariatTime secretariatTime(Clock clock) {
        return new SecretariatTime(clock);
    }
}
