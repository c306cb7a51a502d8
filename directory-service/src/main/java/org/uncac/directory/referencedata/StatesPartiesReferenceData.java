package org.uncac.directory.referencedata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.uncac.directory.parties.PartyKind;
import org.uncac.directory.parties.RegionalGroup;
import org.uncac.directory.parties.StatePartyCommands.ImportStateParty;
import org.uncac.directory.parties.StatePartyCommands.RegisterStateParty;
import org.uncac.directory.parties.StatePartyCommands.RenameStateParty;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reference list of the 192 UNCAC parties ({@code reference/states-parties.csv}, with its sources in
 * {@code states-parties.md} beside it) into import commands.
 *
 * <ul>
 *   <li>Seven parties' dates are known only to the year or the month: {@code partySince} is the last day of
 *       that period (so no count as at a date claims a party before it surely was one) and
 *       {@code partySinceKnownTo} keeps the year or month.</li>
 *   <li>Former names "X (until YYYY)" become a renaming to the current name effective 1 January of YYYY,
 *       with {@code effectiveKnownTo} = YYYY; Türkiye's is 2022-06-01, the day the UN began using it. A
 *       change whose year is not verified (Venezuela) is not recorded: the current name stands throughout.</li>
 * </ul>
 */
public final class StatesPartiesReferenceData {

    static final String RESOURCE = "/reference/states-parties.csv";
    public static final String RECORDED_BY = "reference-data";
    private static final Pattern UNTIL = Pattern.compile("^(.*) \\(until (?:c\\. )?(\\d{4})\\)$");
    private static final Map<String, LocalDate> EXACT_RENAMINGS = Map.of("TUR", LocalDate.of(2022, 6, 1));

    private StatesPartiesReferenceData() {
    }

    public static List<ImportStateParty> load() {
        try (InputStream in = StatesPartiesReferenceData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            CsvMapper mapper = new CsvMapper();
            MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            List<ImportStateParty> imports = new ArrayList<>();
            while (rows.hasNext()) {
                imports.add(toImport(rows.next()));
            }
            return imports;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static ImportStateParty toImport(Map<String, String> row) {
        String code = row.get("iso3");
        String currentName = row.get("name");
        String knownTo = blankToNull(row.get("party_date_approx"));
        LocalDate partySince = knownTo == null ? LocalDate.parse(row.get("party_date")) : endOf(knownTo);
        List<RenameStateParty> renamings = new ArrayList<>();
        String firstName = currentName;
        Matcher former = UNTIL.matcher(row.getOrDefault("former_names", ""));
        if (former.matches()) {
            firstName = former.group(1);
            String year = former.group(2);
            LocalDate exact = EXACT_RENAMINGS.get(code);
            renamings.add(new RenameStateParty(code, currentName,
                    exact != null ? exact : LocalDate.of(Integer.parseInt(year), 1, 1), RECORDED_BY,
                    exact != null ? null : year));
        }
        String signed = blankToNull(row.get("signature_date"));
        RegisterStateParty registration = new RegisterStateParty(code, firstName, kind(row.get("kind")), partySince,
                group(row.get("un_regional_group")), RECORDED_BY, knownTo,
                signed == null ? null : LocalDate.parse(signed), blankToNull(row.get("action")));
        return new ImportStateParty(code, registration, renamings);
    }

    private static LocalDate endOf(String yearOrMonth) {
        return yearOrMonth.length() == 4
                ? LocalDate.of(Integer.parseInt(yearOrMonth), 12, 31)
                : YearMonth.parse(yearOrMonth).atEndOfMonth();
    }

    private static PartyKind kind(String kind) {
        return "REIO".equals(kind) ? PartyKind.REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION : PartyKind.STATE;
    }

    static RegionalGroup group(String group) {
        return switch (group == null ? "" : group) {
            case "African" -> RegionalGroup.AFRICAN;
            case "Asia-Pacific" -> RegionalGroup.ASIA_PACIFIC;
            case "Eastern European" -> RegionalGroup.EASTERN_EUROPEAN;
            case "Latin American and Caribbean" -> RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN;
            case "Western European and Others" -> RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS;
            case "" -> null;
            default -> throw new IllegalArgumentException("unknown regional group: " + group);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
