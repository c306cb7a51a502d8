package org.uncac.directory.parties;

import org.uncac.platform.validation.StateCode;
import java.util.Locale;
import java.util.Set;

/**
 * Which three-letter codes may name a State party: ISO 3166-1 alpha-3 where one exists, and the
 * user-assigned codes (XKX, QMA–QZZ, XAA–XZZ; EUU for the European Union).
 */
public final class PartyCodes {

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private PartyCodes() {
    }

    public static boolean isValid(String code) {
        if (code == null || !code.matches(StateCode.REGEX)) {
            return false;
        }
        return ISO_ALPHA3.contains(code) || code.equals("EUU") || code.startsWith("X")
                || (code.charAt(0) == 'Q' && code.charAt(1) >= 'M');
    }
}
