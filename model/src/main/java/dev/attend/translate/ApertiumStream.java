package dev.attend.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Apertium's stream format for plain text, one segment at a time: what {@code apertium-destxt} and
 * {@code apertium-retxt} do around the translation modes, done here so that no deformatter process sits in the
 * persistent pipeline (those two do not flush on {@code \0}, so {@code apertium -z} cannot serve one segment at a
 * time).
 *
 * <p>Deformatting follows {@code apertium-destxt}: the stream's reserved characters are backslash-escaped, blanks
 * other than one space become superblanks {@code [..]}, and a period marked by {@code []} is inserted before
 * paragraph breaks and at the end (it helps the tagger and transfer see a sentence end; reformatting removes it).
 * Two deliberate differences: {@code *} and {@code #} in the input travel as one-character superblanks (like
 * destxt's {@code ~}), so that in the output every unescaped {@code *}/{@code #}/{@code @} is one of Apertium's
 * marks; and control characters (including {@code \0}, the segment delimiter) become spaces.
 */
final class ApertiumStream {

    /** Reserved in the stream format; escaped with a backslash, as apertium-destxt does. */
    private static final String ESCAPED = "\\[]^$@/<>{}";
    /** Passed through untouched as superblanks: not text to translate and, for '*'/'#', not to be taken for marks. */
    private static final String PROTECTED = "*#~";
    private static final String MARKS = "*@#";

    private ApertiumStream() {
    }

    /**
     * The segment as Apertium's deformatter would write it for {@code text + "\n"} (what {@code echo text | apertium}
     * feeds the mode); never contains {@code \0}.
     */
    static String deformat(String text) {
        String s = neutralizeControls(text) + "\n";
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                int j = i;
                while (j < n && isBlank(s.charAt(j))) {
                    j++;
                }
                String run = s.substring(i, j);
                boolean last = j == n;
                if (run.equals(" ") && !last) {
                    out.append(' ');
                } else {
                    if (last || count(run, '\n') >= 2) {
                        out.append(".[]");
                    }
                    out.append('[').append(run).append(']');
                }
                i = j;
                continue;
            }
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (PROTECTED.indexOf(c) >= 0) {
                out.append('[').append(c).append(']');
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** A reformatted segment: the text with and without Apertium's marks, and where the marked words are. */
    record Output(String marked, String display, List<Translation.UnknownWord> unknown) {
    }

    /**
     * Turns the mode's output for a {@link #deformat deformatted} segment back into text, as apertium-retxt would,
     * and strips the marks for display while recording which words carried them. The trailing newline that
     * {@link #deformat} added is removed.
     */
    static Output reformat(String raw) {
        StringBuilder marked = new StringBuilder(raw.length());
        StringBuilder display = new StringBuilder(raw.length());
        List<Translation.UnknownWord> unknown = new ArrayList<>();
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < n) {
                marked.append(raw.charAt(i + 1));
                display.append(raw.charAt(i + 1));
                i += 2;
            } else if (c == '.' && raw.startsWith("[]", i + 1)) {
                i += 3; // the sentence-end period the deformatter inserted
            } else if (c == '[') {
                i = superblank(raw, i, marked, display);
            } else if (MARKS.indexOf(c) >= 0) {
                int j = i;
                while (j < n && MARKS.indexOf(raw.charAt(j)) >= 0) {
                    j++;
                }
                int k = j;
                while (k < n && isWordPart(raw, k)) {
                    k++;
                }
                marked.append(raw, i, k);
                if (k > j) {
                    String word = raw.substring(j, k);
                    int start = display.length();
                    display.append(word);
                    unknown.add(new Translation.UnknownWord(word, start, start + word.length(),
                            Translation.Kind.of(c)));
                }
                i = k;
            } else {
                marked.append(c);
                display.append(c);
                i++;
            }
        }
        String m = chompNewline(marked);
        String d = chompNewline(display);
        return new Output(m, d, unknown.stream().filter(u -> u.end() <= d.length()).toList());
    }

    /** Copies a superblank's content (escapes resolved); returns the index after its closing bracket. */
    private static int superblank(String raw, int open, StringBuilder marked, StringBuilder display) {
        int n = raw.length();
        int j = open + 1;
        while (j < n && raw.charAt(j) != ']') {
            char c = raw.charAt(j);
            if (c == '\\' && j + 1 < n) {
                j++;
                c = raw.charAt(j);
            }
            marked.append(c);
            display.append(c);
            j++;
        }
        return Math.min(j + 1, n);
    }

    /** Letters, digits and combining marks, plus an inner hyphen or apostrophe ("e-mail", "o'clock"). */
    private static boolean isWordPart(String s, int i) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return (c == '-' || c == '\'' || c == '\u2019') && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i + 1)) && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
    }

    private static String chompNewline(StringBuilder sb) {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\n' ? sb.substring(0, len - 1) : sb.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String neutralizeControls(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
