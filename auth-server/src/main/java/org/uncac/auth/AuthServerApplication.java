package org.uncac.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Issues the suite's access tokens (OAuth 2.0 client credentials) and registers States' clients. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
