package org.cartable.directoryimport.internal.format;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.cartable.api.Grade;

/** Parsing of the values the formats share; each throws {@link Invalid} with the reason shown in the report. */
public final class Values {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Values() {
    }

    /** A value that makes its line unusable. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    public static String required(String value, String what) throws Invalid {
        if (value == null || value.isBlank()) {
            throw new Invalid("missing " + what);
        }
        return value.trim();
    }

    /**
     * @return the name, written "Le Goff" when the source writes it all in capitals ("LE GOFF", as the registry does
     *         for last names); other spellings are kept as they are
     */
    public static String name(String value, String what) throws Invalid {
        String name = required(value, what).replaceAll("\\s+", " ");
        if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.chars().noneMatch(Character::isLetter)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean wordStart = true;
        for (char c : name.toCharArray()) {
            out.append(wordStart ? c : Character.toLowerCase(c));
            wordStart = c == ' ' || c == '-' || c == '\'';
        }
        return out.toString();
    }

    /** @return the UAI in upper case: 7 digits and a letter */
    public static String uai(String value) throws Invalid {
        String uai = required(value, "UAI").toUpperCase(Locale.ROOT);
        if (!uai.matches("\\d{7}[A-Z]")) {
            throw new Invalid("invalid UAI '" + value + "' (7 digits and a letter)");
        }
        return uai;
    }

    /** @return the date, written dd/MM/yyyy (registry) or yyyy-MM-dd (ISO) */
    public static LocalDate date(String value, String what) throws Invalid {
        String text = required(value, what);
        try {
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid("invalid " + what + " '" + value + "' (dd/mm/yyyy)");
        }
    }

    /**
     * @return the primary grade: "CP", "CE1", "CE2", "CM1", "CM2" (any case, accents and spaces ignored, e.g.
     *         "C.E.1"), or the US-style grade numbers "01"–"05" (OneRoster), 1 being CP
     */
    public static Grade grade(String value) throws Invalid {
        String text = required(value, "grade");
        String key = Csv.key(text).replace(" ", "").toUpperCase(Locale.ROOT);
        switch (key) {
            case "CP", "01", "1": return Grade.CP;
            case "CE1", "02", "2": return Grade.CE1;
            case "CE2", "03", "3": return Grade.CE2;
            case "CM1", "04", "4": return Grade.CM1;
            case "CM2", "05", "5": return Grade.CM2;
            default: throw new Invalid("unknown grade '" + value + "' (CP, CE1, CE2, CM1, CM2 or 01-05)");
        }
    }

    /** @return grades separated by commas or spaces ("CE1,CE2", "04 05") */
    public static Set<Grade> grades(String value) throws Invalid {
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        for (String part : required(value, "grades").split("[,\\s]+")) {
            if (!part.isBlank()) {
                grades.add(grade(part));
            }
        }
        return grades;
    }

    /** @return MOTHER, FATHER or GUARDIAN for the registry's and OneRoster's words */
    public static String relationship(String value) {
        String key = Csv.key(value == null ? "" : value);
        if (key.startsWith("mere") || key.equals("mother")) {
            return "MOTHER";
        }
        if (key.startsWith("pere") || key.equals("father")) {
            return "FATHER";
        }
        return "GUARDIAN";
    }

    /** @return whether a yes/no cell says yes ("Oui", "O", "yes", "true", "1"); an empty cell counts as yes */
    public static boolean yes(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String key = Csv.key(value);
        return key.equals("oui") || key.equals("o") || key.equals("yes") || key.equals("y") || key.equals("true")
                || key.equals("1");
    }

    /** @return the registry's key for a pupil without id: names without accents or case, and birth date */
    public static String pupilKey(String lastName, String firstName, LocalDate birthDate) {
        return Csv.key(lastName) + "|" + Csv.key(firstName) + "|" + birthDate;
    }
}
