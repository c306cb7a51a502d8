package org.uncac.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the services are, and the body size limit.
 *
 * @param auth            the authorization server (token endpoint, keys, client registry)
 * @param directory       directory-service
 * @param notesVerbales   notes-verbales-service
 * @param meetings        meetings-service
 * @param recommendations recommendations-service
 * @param maxBodySize     larger request bodies get 413, whether sized by Content-Length or chunked
 * @param console         the console, whose pages the gateway serves at its root
 */
@ConfigurationProperties("uncac.gateway")
public record GatewayProperties(String auth, String directory, String notesVerbales, String meetings,
                                String recommendations, DataSize maxBodySize, String console) {
    public GatewayProperties {
        auth = auth == null ? "http://localhost:9000" : auth;
        directory = directory == null ? "http://localhost:8081" : directory;
        notesVerbales = notesVerbales == null ? "http://localhost:8082" : notesVerbales;
        meetings = meetings == null ? "http://localhost:8083" : meetings;
        recommendations = recommendations == null ? "http://localhost:8084" : recommendations;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        console = console == null ? "http://localhost:8085" : console;
    }
}
