package dev.attend.assistant;

import java.util.regex.Pattern;

/** The wake words as a recognizer writes them, so "hey jarvis what time is it" becomes "what time is it". */
final class WakePhrases {

    private static final Pattern LEADING = Pattern.compile(
            "^\\s*(?:(?:hey|hi|ok|okay)[,\\s]+)?(?:jarvis|mycroft|alexa|rhasspy)\\b[,.!\\s]*", Pattern.CASE_INSENSITIVE);

    private WakePhrases() {
    }

    static String strip(String text) {
        return LEADING.matcher(text).replaceFirst("").strip();
    }
}
