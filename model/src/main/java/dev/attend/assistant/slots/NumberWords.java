package dev.attend.assistant.slots;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** English number words ("twenty five", "a", "one hundred and twenty") and digits ("90", "1.5") as values. */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    /** A number read from {@code tokens} starting at {@code from}: its value and how many tokens it used. */
    record Read(double value, int used) {
    }

    private NumberWords() {
    }

    static boolean isNumberWord(String w) {
        return UNITS.containsKey(w) || TENS.containsKey(w) || "hundred".equals(w) || isDigits(w);
    }

    static boolean isDigits(String w) {
        return w.matches("\\d+([.,]\\d+)?");
    }

    /** The longest number at {@code from}; "a"/"an" count as 1 only when {@code articleIsOne}. Null if none. */
    static Read read(List<String> tokens, int from, boolean articleIsOne) {
        if (from >= tokens.size()) {
            return null;
        }
        String first = tokens.get(from);
        if (isDigits(first)) {
            return new Read(Double.parseDouble(first.replace(',', '.')), 1);
        }
        if (articleIsOne && ("a".equals(first) || "an".equals(first))) {
            return new Read(1, 1);
        }
        double total = 0;
        double current = 0;
        int i = from;
        boolean any = false;
        while (i < tokens.size()) {
            String w = tokens.get(i);
            if (UNITS.containsKey(w)) {
                current += UNITS.get(w);
            } else if (TENS.containsKey(w)) {
                current += TENS.get(w);
            } else if ("hundred".equals(w) && any) {
                current = Math.max(current, 1) * 100;
            } else if ("and".equals(w) && any && i + 1 < tokens.size()
                    && (UNITS.containsKey(tokens.get(i + 1)) || TENS.containsKey(tokens.get(i + 1)))
                    && current >= 100) {
                // "one hundred and twenty"
                i++;
                continue;
            } else {
                break;
            }
            any = true;
            i++;
        }
        if (!any) {
            return null;
        }
        total += current;
        return new Read(total, i - from);
    }

    /** The value of a whole phrase of number words, e.g. "twenty five". */
    static OptionalDouble parse(String text) {
        List<String> tokens = DurationParser.tokens(text);
        Read r = read(tokens, 0, false);
        return r != null && r.used() == tokens.size() ? OptionalDouble.of(r.value()) : OptionalDouble.empty();
    }
}
