package dev.attend.attention;

import dev.attend.event.AsrEvents;
import java.util.List;
import java.util.Locale;

/**
 * Media times for the word pieces of a final transcript: each piece gets the start of the recognized word it
 * spells part of ({@code [CLS]} the utterance's start, {@code [SEP]} its end). Pieces are matched to words by
 * their letters and digits in order, so punctuation pieces and {@code ##} continuations take their word's time;
 * without word times every piece gets the utterance's start.
 */
final class TextTokenTimes {

    private TextTokenTimes() {
    }

    static double[] of(List<String> pieces, AsrEvents.Final f) {
        double[] times = new double[pieces.size()];
        List<AsrEvents.Word> words = f.words() == null ? List.of() : f.words();
        int w = 0;
        String left = words.isEmpty() ? "" : letters(words.get(0).word());
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if ("[CLS]".equals(piece)) {
                times[i] = f.t();
                continue;
            }
            if ("[SEP]".equals(piece)) {
                times[i] = words.isEmpty() ? f.t() : f.end();
                continue;
            }
            if (words.isEmpty()) {
                times[i] = f.t();
                continue;
            }
            String chars = letters(piece.startsWith("##") ? piece.substring(2) : piece);
            while (left.isEmpty() && w + 1 < words.size() && !chars.isEmpty()) {
                left = letters(words.get(++w).word()); // the previous word is spelled out: this piece starts the next
            }
            times[i] = words.get(w).start();
            left = left.startsWith(chars) ? left.substring(chars.length()) : "";
        }
        return times;
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
