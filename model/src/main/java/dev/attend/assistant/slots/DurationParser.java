package dev.attend.assistant.slots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Durations in English command text: "five minutes", "1 hour 20", "an hour and a half", "90 seconds",
 * "two and a half minutes", "half an hour", "a quarter of an hour", "5 min", "10s". A bare number after hours counts
 * as minutes, after minutes as seconds. Returns the duration and which tokens it used (so a timer's name can leave
 * them out).
 */
public final class DurationParser {

    /** A duration found in text: its value and the token range [from, to) of {@link #tokens(String)}. */
    public record Found(Duration duration, int from, int to) {
    }

    private static final Map<String, Integer> UNIT_SECONDS = Map.ofEntries(
            Map.entry("second", 1), Map.entry("seconds", 1), Map.entry("sec", 1), Map.entry("secs", 1),
            Map.entry("s", 1), Map.entry("minute", 60), Map.entry("minutes", 60), Map.entry("min", 60),
            Map.entry("mins", 60), Map.entry("m", 60), Map.entry("hour", 3600), Map.entry("hours", 3600),
            Map.entry("hr", 3600), Map.entry("hrs", 3600), Map.entry("h", 3600));

    private DurationParser() {
    }

    /** Lower-cased words: hyphens and punctuation split, "10min" becomes "10", "min". */
    public static List<String> tokens(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("(\\d)([a-z])", "$1 $2").replaceAll("([a-z])(\\d)", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^a-z0-9.,']+|(?<![0-9])[.,]|[.,](?![0-9])")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The first duration in {@code text}, if any. */
    public static Optional<Duration> parse(String text) {
        return find(tokens(text)).map(Found::duration);
    }

    /** The first duration in the tokens, with the tokens it spans. */
    public static Optional<Found> find(List<String> t) {
        for (int start = 0; start < t.size(); start++) {
            Optional<Found> f = parseAt(t, start);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> parseAt(List<String> t, int start) {
        double seconds = 0;
        int i = start;
        int lastUnit = 0;
        boolean any = false;
        while (i < t.size()) {
            int before = i;
            double value;
            String w = t.get(i);
            int[] used = new int[1];
            Double fraction = fraction(t, i, used);
            if (fraction != null) { // "half an hour", "a quarter of an hour", "three quarters of an hour"
                int unitAt = i + used[0];
                Integer unit = unitAt < t.size() ? UNIT_SECONDS.get(t.get(unitAt)) : null;
                if (unit == null) {
                    break;
                }
                seconds += fraction * unit;
                lastUnit = unit;
                i = unitAt + 1;
                any = true;
                continue;
            }
            NumberWords.Read n = NumberWords.read(t, i, !any);
            if (n == null) {
                if (any && "and".equals(w)) { // "an hour and 20 minutes", "an hour and a half"
                    if (isHalf(t, i + 1)) {
                        seconds += 0.5 * lastUnit;
                        i += 3;
                        continue;
                    }
                    if (i + 1 < t.size() && NumberWords.read(t, i + 1, false) != null) {
                        i++;
                        continue;
                    }
                }
                break;
            }
            value = n.value();
            i += n.used();
            // "two and a half minutes"
            if (i < t.size() && "and".equals(t.get(i)) && isHalf(t, i + 1)) {
                value += 0.5;
                i += 3;
            }
            Integer unit = i < t.size() ? UNIT_SECONDS.get(t.get(i)) : null;
            if (unit == null && i + 1 < t.size() && "more".equals(t.get(i))) {
                unit = UNIT_SECONDS.get(t.get(i + 1));
                i += unit == null ? 0 : 1;
            }
            if (unit != null) {
                i++;
                // "an hour and a half", "5 minutes and a half"
                if (i < t.size() && "and".equals(t.get(i)) && isHalf(t, i + 1)) {
                    value += 0.5;
                    i += 3;
                }
                seconds += value * unit;
                lastUnit = unit;
                any = true;
            } else if (any && lastUnit > 1 && !"a".equals(w) && !"an".equals(w)) {
                // "1 hour 20" → 20 minutes; "2 minutes 30" → 30 seconds
                lastUnit = lastUnit / 60;
                seconds += value * lastUnit;
            } else {
                i = before;
                break;
            }
        }
        if (!any || seconds <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Found(Duration.ofMillis(Math.round(seconds * 1000)), start, i));
    }

    private static boolean isHalf(List<String> t, int i) {
        return i + 1 < t.size() && "a".equals(t.get(i)) && "half".equals(t.get(i + 1));
    }

    /** "half (an|a)", "a quarter (of) (an|a)", "three quarters (of) (an|a)": the fraction, tokens used in {@code used}. */
    private static Double fraction(List<String> t, int i, int[] used) {
        int j = i;
        double f;
        if ("half".equals(t.get(j))) {
            f = 0.5;
            j++;
        } else if (j + 1 < t.size() && ("a".equals(t.get(j)) || "one".equals(t.get(j))) && "quarter".equals(t.get(j + 1))) {
            f = 0.25;
            j += 2;
        } else if ("quarter".equals(t.get(j))) {
            f = 0.25;
            j++;
        } else if (j + 1 < t.size() && "three".equals(t.get(j)) && "quarters".equals(t.get(j + 1))) {
            f = 0.75;
            j += 2;
        } else {
            return null;
        }
        if (j < t.size() && "of".equals(t.get(j))) {
            j++;
        }
        if (j < t.size() && ("an".equals(t.get(j)) || "a".equals(t.get(j)))) {
            j++;
        }
        used[0] = j - i;
        return f;
    }
}
