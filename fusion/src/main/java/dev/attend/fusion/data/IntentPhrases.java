package dev.attend.fusion.data;

import java.util.ArrayList;
import java.util.List;
import dev.attend.fusion.model.SlotWords;
import java.util.Random;

/**
 * Spoken phrases for every assistant intent, from templates with slots, plus non-command speech ({@code none}).
 * The meanings follow the assistant's phrase file ({@code dev/attend/assistant/intents.txt}): {@code timer} also
 * lists and cancels timers and asks for the time left, {@code note} also reads back the last note and lists
 * today's, {@code search} searches past sessions ("what did i say about the budget"). Lower case, words separated
 * by single spaces, no punctuation (apostrophes kept), so that words map one-to-one to synthesized word segments.
 * Duration words are those of {@link SlotWords}, so the slot heads' labels can be read back from the text.
 */
public final class IntentPhrases {

    /** A phrase and its intent. */
    public record Phrase(String text, String intent) {
    }

    private static final String[] TIMER_NAME = {"pasta", "tea", "egg", "oven", "laundry", "pizza", "bread", "rice"};
    private static final String[] NOTE_TEXT = {"buy milk", "call the dentist", "the meeting moved to friday",
        "the keys are in the drawer", "pay the rent", "water the plants", "pick up the kids at four",
        "book the train tickets", "send the invoice", "the wifi password is on the fridge", "buy batteries",
        "return the library books", "email my boss", "get a birthday present for anna", "fix the bike"};
    private static final String[] PAST_TOPIC = {"the budget", "the holiday", "the project deadline", "the new car",
        "the kitchen", "my sister", "the invoices", "the dentist", "the garden", "the conference", "the rent",
        "the football match", "the flight", "the new job", "the wedding"};
    private static final String[] LANG = {"spanish", "french", "german", "catalan", "italian", "portuguese"};

    private static final String[] TIME = {"what time is it", "what's the time", "tell me the time",
        "what time is it now", "do you know the time", "what's the time please", "what is the time right now",
        "could you tell me the time", "how late is it", "time please", "check the time", "what's the current time",
        "do you have the time", "what hour is it", "current time", "the time please", "what time do you have",
        "what's the time now", "can you tell me what time it is", "what is the time"};
    private static final String[] DATE = {"what's the date", "what day is it", "what is today's date",
        "tell me the date", "which day is it today", "what's the date today", "what day of the week is it",
        "what is the date please", "do you know what day it is", "today's date please", "which date is it",
        "what date is it", "what's today", "what's today's date", "tell me today's date", "what day is today",
        "which day of the week is it", "what is the date today"};
    private static final String[] REPEAT = {"say that again", "repeat that", "could you repeat that",
        "what did you say", "pardon", "come again", "repeat the last answer", "say it once more",
        "one more time please", "can you say that again", "repeat please", "sorry i missed that", "say again",
        "could you repeat", "please repeat that", "what was your answer", "repeat what you said",
        "tell me that again"};
    private static final String[] STOP = {"stop", "stop it", "cancel", "never mind", "be quiet", "that's enough",
        "stop talking", "cancel that", "shut up please", "forget it", "halt", "okay stop", "quiet please",
        "enough", "shut up", "please stop", "no stop", "stop please"};

    private IntentPhrases() {
    }

    /**
     * Every phrase of one intent this generator can make, in a fixed order; timer and note phrases of the smaller
     * sub-actions repeat, so a uniform draw gives each sub-action about a third.
     */
    public static List<Phrase> all(String intent) {
        List<String> out = new ArrayList<>();
        switch (intent) {
            case "time" -> fixed(out, TIME);
            case "date" -> fixed(out, DATE);
            case "timer" -> timers(out);
            case "note" -> notes(out);
            case "search" -> searches(out);
            case "translate_last" -> {
                for (String l : LANG) {
                    out.add("translate that into " + l);
                    out.add("translate the last sentence to " + l);
                    out.add("how do you say that in " + l);
                    out.add("say that in " + l);
                    out.add("translate what i just said into " + l);
                    out.add("what is that in " + l);
                }
                fixed(out, new String[] {"translate that", "translate the last one", "translate the last sentence",
                    "translate what i just said", "what does that mean in english", "translate it please"});
            }
            case "repeat" -> fixed(out, REPEAT);
            case "stop" -> fixed(out, STOP);
            case "none" -> noneSentences(out);
            default -> throw new IllegalArgumentException("unknown intent " + intent);
        }
        List<Phrase> list = new ArrayList<>();
        for (String s : out) {
            list.add(new Phrase(s, intent));
        }
        return list;
    }

    /** Setting (with a duration), listing and cancelling timers, asking the time left — each a third. */
    private static void timers(List<String> out) {
        List<String> set = new ArrayList<>();
        for (int n = 0; n < SlotWords.NUMBERS.size(); n++) {
            for (int u = 0; u < SlotWords.UNITS.size(); u++) {
                String d = SlotWords.duration(n, u);
                String unit = SlotWords.UNITS.get(u);
                set.add("set a timer for " + d);
                set.add("timer for " + d);
                set.add("start a " + SlotWords.NUMBERS.get(n) + " " + unit + " timer");
                set.add(d + " timer please");
                set.add("remind me in " + d);
                set.add("count down " + d);
                set.add("wake me in " + d);
                set.add("alert me in " + d);
                set.add("set a " + TIMER_NAME[(n + u) % TIMER_NAME.length] + " timer for " + d);
            }
        }
        List<String> list = new ArrayList<>(List.of("list my timers", "what timers are running", "show the timers",
                "how much time is left", "how much time is left on my timer", "which timers are set",
                "are any timers running", "check my timers", "what's left on the timer", "how long is left",
                "show me my timers", "what timers do i have"));
        List<String> cancel = new ArrayList<>(List.of("cancel the timer", "delete the timer", "turn off the timer",
                "cancel all timers", "stop the timer", "remove the timer", "cancel my timer"));
        for (String name : TIMER_NAME) {
            list.add("how long is left on the " + name + " timer");
            list.add("how much time is left on the " + name + " timer");
            cancel.add("cancel the " + name + " timer");
            cancel.add("stop the " + name + " timer");
            cancel.add("delete the " + name + " timer");
        }
        interleave(out, set, list, cancel);
    }

    /** Creating notes (with their text), reading back the last one and listing today's — each a third. */
    private static void notes(List<String> out) {
        List<String> create = new ArrayList<>();
        for (String t : NOTE_TEXT) {
            create.add("take a note " + t);
            create.add("take a note that i need to " + t);
            create.add("note that " + t);
            create.add("make a note " + t);
            create.add("remember to " + t);
            create.add("write down " + t);
            create.add("add a note " + t);
            create.add("jot down " + t);
            create.add("note to self " + t);
        }
        List<String> last = List.of("read my last note", "what was my last note", "read back my note",
                "read the last note", "play my last note", "what's my last note",
                "read me my latest note", "tell me my last note", "read back the last note", "read my previous note");
        List<String> today = List.of("what are today's notes", "list my notes from today", "read today's notes",
                "list today's notes", "show my notes from today", "my notes from today",
                "read me today's notes", "any notes today", "show today's notes");
        interleave(out, create, last, today);
    }

    /** Searching past sessions: what was said about something. */
    private static void searches(List<String> out) {
        for (String t : PAST_TOPIC) {
            out.add("what did i say about " + t);
            out.add("what did we say about " + t);
            out.add("search my history for " + t);
            out.add("find where i mentioned " + t);
            out.add("when did i talk about " + t);
            out.add("look up what i said about " + t);
            out.add("search past sessions for " + t);
            out.add("did i mention " + t);
            out.add("what have i said about " + t);
            out.add("what did we talk about " + t);
        }
        fixed(out, new String[] {"what did we talk about yesterday", "what did i say this morning",
            "search my sessions", "what did we discuss last week"});
    }

    /** Adds the lists' phrases in turn, so a uniform draw from the result picks each list about equally often. */
    @SafeVarargs
    private static void interleave(List<String> out, List<String>... lists) {
        int longest = 0;
        for (List<String> l : lists) {
            longest = Math.max(longest, l.size());
        }
        for (int i = 0; i < longest; i++) {
            for (List<String> l : lists) {
                out.add(l.get(i % l.size())); // repeats keep the groups equally likely
            }
        }
    }

    private static void fixed(List<String> out, String[] phrases) {
        for (String p : phrases) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
    }

    /** Everyday sentences that are not commands (including near misses like "the time we met"). */
    private static void noneSentences(List<String> out) {
        String[] subj = {"i think", "my brother said", "yesterday we", "honestly i", "the kids", "our neighbours",
            "last summer we", "my friend", "the teacher", "everyone at work", "my parents", "this morning i"};
        String[] pred = {"went to the beach", "liked the new film", "had a long day", "cooked dinner together",
            "forgot the umbrella", "played football in the park", "painted the kitchen", "watched the game",
            "talked about the time we met", "visited grandma on sunday", "found a nice cafe", "missed the bus again",
            "bought a new sofa", "took the dog out", "set the table for lunch", "read a good book"};
        for (String s : subj) {
            for (String p : pred) {
                out.add(s + " " + p);
            }
        }
        fixed(out, new String[] {"it's raining again", "that was a good idea", "pass me the salt",
            "the dog needs a walk", "i love this song", "where did you park", "it looks nice outside",
            "turn off the radio", "open the door please", "call my mother", "play a song", "how tall is the tower",
            "what's for dinner", "did you feed the cat", "the timer on the oven is broken", "time flies",
            "i need a holiday", "the notes are on the piano", "we should search for a new flat",
            "say hello to your sister", "the translation was wrong", "i repeat myself too often",
            "don't stop the music", "the date of the party is friday", "good night", "see you tomorrow",
            "thanks a lot", "maybe later", "what a lovely day", "how was school today"});
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
