package dev.attend.assistant.slots;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the slots of a command for a given intent from its text. Pure logic. */
public final class SlotExtractor {

    private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "my", "new", "set", "start", "create",
            "make", "another", "one", "please", "cancel", "stop", "delete", "remove", "clear", "for", "me", "up",
            "all", "of", "and", "that", "this", "minute", "minutes", "second", "seconds", "hour", "hours", "min",
            "mins", "sec", "secs", "to", "put", "on", "timer", "timers", "hey", "jarvis", "can", "you", "could", "i",
            "want", "need", "kitchen", "countdown", "what", "which", "how", "any", "show", "list", "running", "are", "is",
            "your", "our");
    private static final Pattern CALLED = Pattern.compile(
            "\\b(?:called|named|labell?ed)\\s+([a-z][a-z ]*?)(?=\\s+(?:for|with|at|in|of)\\b|\\s+\\d|$)");
    private static final Pattern NOTE = Pattern.compile(
            "^(?:please\\s+)?(?:(?:take|make|add|write|create|jot)\\s+(?:a\\s+|down\\s+a\\s+)?(?:note|memo)"
                    + "(?:\\s+(?:that|saying|to say|:))?|note(?: down)?(?:\\s+that)?|remember(?:\\s+that)?|"
                    + "write down(?:\\s+that)?|jot down)\\s+(.+)$");
    private static final Pattern SEARCH = Pattern.compile(
            "(?:\\babout|\\bfor|\\bmention(?:ed)?|\\bregarding|\\bon)\\s+(.+)$");
    private static final Pattern LANGUAGE = Pattern.compile("\\b(?:in|into|to)\\s+([a-z]+)\\b");

    private SlotExtractor() {
    }

    public static Slots extract(String intent, String text) {
        String s = normalize(text);
        return switch (intent) {
            case "timer" -> timer(s);
            case "note" -> note(text == null ? "" : text.trim(), s);
            case "search" -> search(s);
            case "translate_last" -> new Slots(null, null, null, null, null, language(s));
            default -> Slots.none();
        };
    }

    /** Lower case, single spaces, no punctuation at the ends. */
    public static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[?!.,;]+(\\s|$)", " ")
                .replaceAll("\\s+", " ").trim();
    }

    static Slots timer(String s) {
        List<String> tokens = DurationParser.tokens(s);
        Optional<DurationParser.Found> found = DurationParser.find(tokens);
        String action;
        if (s.matches(".*\\b(cancel|stop|delete|remove|clear|kill|turn off)\\b.*")) {
            action = "cancel";
        } else if (found.isEmpty() && s.matches(".*\\b(list|which|what|show|how (much|long)|left|remaining|"
                + "status|any|running|my timers)\\b.*")) {
            action = "list";
        } else {
            action = "set";
        }
        Duration d = found.map(DurationParser.Found::duration).orElse(null);
        return new Slots(action, d, timerName(s, tokens, found.orElse(null)), null, null, null);
    }

    /** "a pasta timer", "the tea timer", "a timer called pasta": the name, or null. */
    static String timerName(String s, List<String> tokens, DurationParser.Found duration) {
        Matcher m = CALLED.matcher(s);
        if (m.find()) {
            String n = stripDuration(m.group(1).trim());
            if (!n.isEmpty() && !n.matches(".*\\d.*")) {
                return n;
            }
        }
        int at = tokens.indexOf("timer");
        if (at < 0) {
            at = tokens.indexOf("timers");
        }
        StringBuilder name = new StringBuilder();
        for (int i = at - 1; i >= 0; i--) {
            String w = tokens.get(i);
            boolean inDuration = duration != null && i >= duration.from() && i < duration.to();
            if (inDuration || NOT_A_NAME.contains(w) || NumberWords.isNumberWord(w)) {
                break;
            }
            name.insert(0, name.length() == 0 ? w : w + " ");
        }
        return name.length() == 0 ? null : name.toString();
    }

    private static String stripDuration(String s) {
        List<String> t = DurationParser.tokens(s);
        return DurationParser.find(t).map(f -> String.join(" ", t.subList(0, f.from())).trim()).orElse(s);
    }

    static Slots note(String original, String s) {
        if (s.matches(".*\\b(last|latest|previous|recent) note\\b.*") || s.matches(".*\\bread (me )?(back )?my note\\b.*")) {
            return new Slots("last", null, null, null, null, null);
        }
        if (s.matches(".*\\b(today'?s?|today) notes?\\b.*") || s.matches(".*\\bnotes? (from |of |for )?today\\b.*")
                || s.matches(".*\\b(list|show|read) (me )?(all )?(my )?notes\\b.*") || s.matches(".*\\bmy notes\\b.*")) {
            return new Slots("today", null, null, null, null, null);
        }
        Matcher m = NOTE.matcher(s);
        if (m.find()) {
            // keep the user's own capitalisation: the same span of the original text
            String body = m.group(1);
            int at = original.toLowerCase(Locale.ROOT).lastIndexOf(body);
            String text = at >= 0 ? original.substring(at, at + body.length()) : body;
            return new Slots("create", null, null, text.trim(), null, null);
        }
        return new Slots("create", null, null, null, null, null);
    }

    static Slots search(String s) {
        Matcher m = SEARCH.matcher(s);
        String q = null;
        if (m.find()) {
            q = m.group(1).replaceAll("^(my |the )?(history|sessions|past sessions|transcripts?)( for)? ", "").trim();
        }
        return new Slots(null, null, null, null, q == null || q.isEmpty() ? null : q, null);
    }

    static String language(String s) {
        Matcher m = LANGUAGE.matcher(s);
        while (m.find()) {
            String code = Languages.code(m.group(1));
            if (code != null) {
                return code;
            }
        }
        for (String w : s.split(" ")) {
            String code = Languages.code(w);
            if (code != null) {
                return code;
            }
        }
        return null;
    }
}
