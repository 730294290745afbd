package dev.attend.fusion.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Spoken phrases for every assistant intent, from templates with slots, plus non-command speech ({@code none}).
 * Lower case, words separated by single spaces, no punctuation (apostrophes kept), so that words map one-to-one to
 * synthesized word segments.
 */
public final class IntentPhrases {

    /** A phrase and its intent. */
    public record Phrase(String text, String intent) {
    }

    private static final String[] NUM = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "fifteen", "twenty", "thirty", "forty five"};
    private static final String[] UNIT = {"minutes", "seconds", "hours"};
    private static final String[] THING = {"milk", "the dentist", "my keys", "the meeting", "bread", "the report",
        "mom's birthday", "the plants", "the car", "the library books", "eggs", "the train ticket", "the rent", "coffee"};
    private static final String[] TOPIC = {"pasta recipes", "the weather in paris", "train times", "jazz music",
        "black holes", "the nearest pharmacy", "how tall is mount everest", "cheap flights", "the football score",
        "python tutorials", "the capital of peru", "tomato soup", "electric cars", "the history of rome"};
    private static final String[] LANG = {"spanish", "french", "german", "chinese", "italian", "japanese"};

    private static final String[][] TIME = {{"what time is it"}, {"what's the time"}, {"tell me the time"},
        {"what time is it now"}, {"do you know the time"}, {"what's the time please"}, {"what is the time right now"},
        {"could you tell me the time"}, {"how late is it"}, {"time please"}, {"check the time"}, {"what's the current time"}};
    private static final String[][] DATE = {{"what's the date"}, {"what day is it"}, {"what is today's date"},
        {"tell me the date"}, {"which day is it today"}, {"what's the date today"}, {"what day of the week is it"},
        {"what is the date please"}, {"do you know what day it is"}, {"today's date please"}, {"which date is it"}};

    private IntentPhrases() {
    }

    /** Every phrase of one intent this generator can make, in a fixed order. */
    public static List<Phrase> all(String intent) {
        Set<String> out = new LinkedHashSet<>();
        switch (intent) {
            case "time" -> fixed(out, TIME);
            case "date" -> fixed(out, DATE);
            case "timer" -> {
                for (String n : NUM) {
                    for (String u : UNIT) {
                        out.add("set a timer for " + n + " " + u);
                        out.add("timer " + n + " " + u);
                        out.add("start a " + n + " " + single(u) + " timer");
                        out.add("remind me in " + n + " " + u);
                        out.add("count down " + n + " " + u);
                    }
                }
            }
            case "note" -> {
                for (String t : THING) {
                    out.add("take a note " + t);
                    out.add("note to self " + t);
                    out.add("remember " + t);
                    out.add("write down " + t);
                    out.add("make a note about " + t);
                    out.add("add a note buy " + t);
                }
            }
            case "search" -> {
                for (String t : TOPIC) {
                    out.add("search for " + t);
                    out.add("look up " + t);
                    out.add("find " + t);
                    out.add("google " + t);
                    out.add("search the web for " + t);
                }
            }
            case "translate_last" -> {
                for (String l : LANG) {
                    out.add("translate that into " + l);
                    out.add("translate the last sentence to " + l);
                    out.add("how do you say that in " + l);
                    out.add("say that in " + l);
                    out.add("translate what i just said into " + l);
                }
                out.add("translate that");
                out.add("translate the last one");
                out.add("what does that mean in english");
            }
            case "repeat" -> fixed(out, new String[][] {{"say that again"}, {"repeat that"}, {"could you repeat that"},
                {"what did you say"}, {"pardon"}, {"come again"}, {"repeat the last answer"}, {"say it once more"},
                {"one more time please"}, {"i didn't catch that"}, {"can you say that again"}, {"repeat please"}});
            case "stop" -> fixed(out, new String[][] {{"stop"}, {"stop it"}, {"cancel"}, {"never mind"}, {"be quiet"},
                {"that's enough"}, {"stop talking"}, {"cancel that"}, {"shut up please"}, {"forget it"}, {"halt"},
                {"stop the timer"}, {"okay stop"}});
            case "none" -> noneSentences(out);
            default -> throw new IllegalArgumentException("unknown intent " + intent);
        }
        List<Phrase> list = new ArrayList<>();
        for (String s : out) {
            list.add(new Phrase(s, intent));
        }
        return list;
    }

    private static String single(String unit) {
        return unit.substring(0, unit.length() - 1);
    }

    private static void fixed(Set<String> out, String[][] phrases) {
        for (String[] p : phrases) {
            out.add(p[0]);
        }
    }

    /** Everyday sentences that are not commands (including near misses like "the time we met"). */
    private static void noneSentences(Set<String> out) {
        String[] subj = {"i think", "my brother said", "yesterday we", "honestly i", "the kids", "our neighbours",
            "last summer we", "my friend", "the teacher", "everyone at work"};
        String[] pred = {"went to the beach", "liked the new film", "had a long day", "cooked dinner together",
            "forgot the umbrella", "played football in the park", "painted the kitchen", "watched the game",
            "talked about the time we met", "visited grandma on sunday", "found a nice cafe", "missed the bus again"};
        for (String s : subj) {
            for (String p : pred) {
                out.add(s + " " + p);
            }
        }
        fixed(out, new String[][] {{"it's raining again"}, {"that was a good idea"}, {"pass me the salt"},
            {"the dog needs a walk"}, {"i love this song"}, {"where did you park"}, {"it looks nice outside"}});
    }

    /**
     * {@code count} phrases: intents in turn (every command equally often, {@code none} — the last intent — twice as often), each drawn
     * at random from its list.
     */
    public static List<Phrase> sample(int count, Random r, List<String> intents) {
        List<List<Phrase>> pools = new ArrayList<>();
        for (String i : intents) {
            pools.add(all(i));
        }
        List<Phrase> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int which = k % (intents.size() + 1);
            List<Phrase> pool = pools.get(which == intents.size() ? intents.size() - 1 : which);
            out.add(pool.get(r.nextInt(pool.size())));
        }
        return out;
    }
}
