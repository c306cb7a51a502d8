package org.uncac.auth.people;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The page where people sign in, in the language they ask for (or their browser's), right to left in Arabic. */
@Controller
@RequiredArgsConstructor
public class SignInPage {

    private final MessageSource messages;

    @GetMapping("/auth/sign-in")
    public String signIn(@RequestParam(required = false) String lang, @RequestParam(required = false) String error,
                         @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage, Model model) {
        Locale locale = locale(lang, acceptLanguage);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", locale.getLanguage().equals("ar") ? "rtl" : "ltr");
        model.addAttribute("error", error == null ? null : switch (error) {
            case "locked" -> messages.getMessage("signin.locked", null, locale);
            case "disabled" -> messages.getMessage("signin.disabled", null, locale);
            default -> messages.getMessage("signin.bad", null, locale);
        });
        model.addAttribute("languages", PeopleController.LANGUAGES);
        model.addAttribute("t", new Texts(messages, locale));
        return "sign-in";
    }

    /** The page's texts in one language. */
    public record Texts(MessageSource messages, Locale locale) {
        public String get(String key) {
            return messages.getMessage(key, null, locale);
        }
    }

    static Locale locale(String lang, String acceptLanguage) {
        if (lang != null && PeopleController.LANGUAGES.contains(lang)) {
            return Locale.forLanguageTag(lang);
        }
        if (acceptLanguage != null) {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage.length() > 200 ? "en" : acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (PeopleController.LANGUAGES.contains(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        }
        return Locale.ENGLISH;
    }
}
