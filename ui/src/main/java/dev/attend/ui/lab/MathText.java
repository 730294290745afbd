package dev.attend.ui.lab;

import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders a formula written with {@code ^{…}} (superscript) and {@code _{…}} (subscript) as a {@link TextFlow}:
 * ordinary JavaFX text nodes, smaller and raised or lowered, so the formulas take the theme's colours and the UI
 * font (CJK included) and need no second rendering engine.
 */
public final class MathText {

    private MathText() {
    }

    /** A flow for {@code markup} at {@code size} points. */
    public static TextFlow of(String markup, double size) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("math");
        append(flow, markup, size);
        return flow;
    }

    /** Appends {@code markup} to an existing flow. */
    public static void append(TextFlow flow, String markup, double size) {
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            if ((c == '^' || c == '_') && i + 1 < markup.length() && markup.charAt(i + 1) == '{') {
                int end = markup.indexOf('}', i + 2);
                if (end < 0) {
                    end = markup.length();
                }
                flush(flow, run, size, 0);
                run.append(markup, i + 2, end);
                flush(flow, run, size * 0.72, c == '^' ? -size * 0.38 : size * 0.22);
                i = end + 1;
                continue;
            }
            run.append(c);
            i++;
        }
        flush(flow, run, size, 0);
    }

    private static void flush(TextFlow flow, StringBuilder run, double size, double shift) {
        if (run.isEmpty()) {
            return;
        }
        // variables (runs of one or two Latin letters) italic; function names (softmax, exp, log), digits and
        // operators upright, as in print
        int start = 0;
        for (int i = 1; i <= run.length(); i++) {
            if (i == run.length() || letter(run.charAt(i)) != letter(run.charAt(start))) {
                String piece = run.substring(start, i);
                Text t = new Text(piece);
                t.getStyleClass().add("math-text");
                boolean variable = letter(piece.charAt(0)) && piece.length() <= 2;
                t.setFont(Font.font(null, variable ? FontPosture.ITALIC : FontPosture.REGULAR, size));
                t.setTranslateY(shift);
                flow.getChildren().add(t);
                start = i;
            }
        }
        run.setLength(0);
    }

    private static boolean letter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    /** The plain text of a flow (for tests and copying). */
    public static String plain(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        flow.getChildren().forEach(n -> {
            if (n instanceof Text t) {
                sb.append(t.getText());
            }
        });
        return sb.toString();
    }
}
