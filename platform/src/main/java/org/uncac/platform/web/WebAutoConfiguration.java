package org.uncac.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Problem+json everywhere in a reactive service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebAutoConfiguration {

    @Bean
    public ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    public StrictRequestJson strictRequestJson(ObjectMapper objectMapper) {
        return new StrictRequestJson(objectMapper);
    }

    @Bean
    public ProblemWebExceptionHandler problemWebExceptionHandler(ObjectMapper objectMapper) {
        return new ProblemWebExceptionHandler(objectMapper);
    }
}
