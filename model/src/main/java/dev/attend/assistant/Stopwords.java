package dev.attend.assistant;

import java.util.Locale;
import java.util.Set;

/** Commands that stop the assistant whatever the classifier thinks: "stop" and "cancel" always win. */
final class Stopwords {

    private static final Set<String> STOP = Set.of("stop", "cancel", "stop it", "stop that", "cancel that",
            "never mind", "nevermind", "stop talking", "be quiet", "quiet", "shut up", "enough", "that's enough",
            "forget it", "停", "停止", "取消", "算了");

    private Stopwords() {
    }

    static boolean isStop(String text) {
        if (text == null) {
            return false;
        }
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}，。！？]+", " ").replaceAll("\\s+", " ").strip();
        s = s.replaceFirst("^(please |ok |okay )", "").replaceFirst(" please$", "");
        return STOP.contains(s);
    }
}
