package org.uncac.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Roles and problem responses on every operation of a process's OpenAPI document ({@link ApiDocumentation}). */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationConfiguration {

    @Bean
    public OperationCustomizer rolesAndProblems() {
        return ApiDocumentation::describe;
    }

    @Bean
    public OpenApiCustomizer problemSchema() {
        return ApiDocumentation::addProblemSchema;
    }
}
