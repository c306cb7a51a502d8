package org.uncac.console;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The console's language: the one the person chose (a cookie the language switch and the sign-in set, from their
 * record at the auth-server), else their browser's, else English. The six official languages of the UN.
 */
@Component("localeContextResolver")
public class ConsoleLocale implements LocaleContextResolver {

    public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
    static final String COOKIE = "lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (chosen != null && LANGUAGES.contains(chosen.getValue())) {
            return new SimpleLocaleContext(of(chosen.getValue()));
        }
        for (Locale accepted : exchange.getRequest().getHeaders().getAcceptLanguageAsLocales()) {
            if (LANGUAGES.contains(accepted.getLanguage())) {
                return new SimpleLocaleContext(of(accepted.getLanguage()));
            }
        }
        return new SimpleLocaleContext(Locale.ENGLISH);
    }

    /**
     * The locale of a language. Arabic writes its numbers with the digits 0 to 9, as the Arabic versions of UN
     * documents do, in the texts' figures as in the tables' (a number given to a message is formatted by it).
     */
    static Locale of(String language) {
        return language.equals("ar") ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(language);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        if (localeContext != null && localeContext.getLocale() != null) {
            exchange.getResponse().addCookie(cookie(localeContext.getLocale().getLanguage()));
        }
    }

    static ResponseCookie cookie(String language) {
        return ResponseCookie.from(COOKIE, LANGUAGES.contains(language) ? language : "en").path("/")
                .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build();
    }

    public static boolean rightToLeft(Locale locale) {
        return locale.getLanguage().equals("ar");
    }
}
