package dev.attend.fusion.model;

import dev.attend.assistant.slots.SlotExtractor;
import dev.attend.assistant.slots.Slots;
import java.util.List;

/**
 * The slot vocabulary of the generated commands and the slot heads' classes: a timer's duration as a number word
 * (one of {@link #NUMBERS}) times a unit ({@link #UNITS}), and the skill's sub-action ({@link #ACTIONS}). Labels
 * are read back from a phrase's text: the action by the assistant's own {@link SlotExtractor}, so the heads learn
 * what the assistant means; class 0 of each head is "no such slot".
 */
public final class SlotWords {

    /** Number words of durations, class i + 1 of the number head. */
    public static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "twelve", "fifteen", "twenty", "twenty five", "thirty", "forty five", "ninety");
    private static final int[] VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 45, 90};
    /** Units (singular), class i + 1 of the unit head. */
    public static final List<String> UNITS = List.of("second", "minute", "hour");
    private static final int[] UNIT_SECONDS = {1, 60, 3600};
    /** Sub-actions, class i of the action head ({@code none} for intents without one). */
    public static final List<String> ACTIONS = List.of("none", "set", "list", "cancel", "create", "last", "today");

    /** Class counts of the slot heads, in output order: action, number, unit. */
    public static final int[] HEAD_SIZES = {ACTIONS.size(), NUMBERS.size() + 1, UNITS.size() + 1};

    private SlotWords() {
    }

    /** "five minutes", "one hour". */
    public static String duration(int number, int unit) {
        return NUMBERS.get(number) + " " + UNITS.get(unit) + (VALUES[number] == 1 ? "" : "s");
    }

    /** Seconds of number class {@code number} (1-based, as the head) times unit class {@code unit} (1-based). */
    public static long seconds(int number, int unit) {
        return (long) VALUES[number - 1] * UNIT_SECONDS[unit - 1];
    }

    /**
     * The slot heads' labels of a phrase: {action, number, unit} class indices, 0 = none. Number and unit are set
     * only for a timer phrase that names a duration of this vocabulary.
     */
    public static int[] labels(String text, String intent) {
        int action = 0;
        if ("timer".equals(intent) || "note".equals(intent)) {
            Slots s = SlotExtractor.extract(intent, text);
            action = s.action() == null ? 0 : Math.max(0, ACTIONS.indexOf(s.action()));
        }
        if (!"timer".equals(intent)) {
            return new int[] {action, 0, 0};
        }
        String[] w = text.split(" ");
        for (int i = 1; i < w.length; i++) {
            String unit = w[i].endsWith("s") ? w[i].substring(0, w[i].length() - 1) : w[i];
            int u = UNITS.indexOf(unit);
            if (u < 0) {
                continue;
            }
            int n = i >= 2 ? NUMBERS.indexOf(w[i - 2] + " " + w[i - 1]) : -1;
            if (n < 0) {
                n = NUMBERS.indexOf(w[i - 1]);
            }
            if (n >= 0) {
                return new int[] {action, n + 1, u + 1};
            }
        }
        return new int[] {action, 0, 0};
    }
}
