package org.uncac.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

    private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z.]+[a-zA-Z])[}(]");

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/console" + suffix + ".properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryTextOfTheEnglishBundleAndNoOther() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        for (String language : List.of("ar", "zh", "fr", "ru", "es")) {
            Set<String> keys = bundle("_" + language).stringPropertyNames();
            assertThat(keys).as(language).containsExactlyInAnyOrderElementsOf(english);
            assertThat(bundle("_" + language).values()).as(language + ": no empty text").noneMatch(v -> v.toString().isBlank());
        }
    }

    @Test
    void everyTextATemplateAsksForByNameIsInTheBundle() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/console-templates"))) {
            for (Path template : templates.toList()) {
                Matcher message = MESSAGE.matcher(Files.readString(template));
                while (message.find()) {
                    asked.add(message.group(1));
                }
            }
        }
        assertThat(asked).isNotEmpty();
        assertThat(english).containsAll(asked);
    }

    @Test
    void aNumberInAnArabicTextIsWrittenWithTheDigitsZeroToNine() throws IOException {
        String text = new MessageFormat(bundle("_ar").getProperty("agenda.version"), ConsoleLocale.of("ar")).format(new Object[] {12});
        assertThat(text).contains("12");
    }
}
