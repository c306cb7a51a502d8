package org.uncac.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.CodecConfigurer;

/**
 * How request bodies are read, stricter than the service's own mapping (which also turns read models into
 * records and must accept what they hold): a {@code null} inside a list or a map is refused (400 naming the
 * element, e.g. {@code themes[0]}), as are duplicate keys, unknown fields and anything after the JSON value.
 * A null element would otherwise pass validation, be stored in an event and then fail its projection.
 */
public final class StrictRequestJson implements CodecCustomizer {

    private final ObjectMapper requestMapper;

    public StrictRequestJson(ObjectMapper serviceMapper) {
        this.requestMapper = strict(serviceMapper);
    }

    public static ObjectMapper strict(ObjectMapper serviceMapper) {
        ObjectMapper mapper = serviceMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(requestMapper));
    }
}
