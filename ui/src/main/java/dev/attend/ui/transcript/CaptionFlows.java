package dev.attend.ui.transcript;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.translation.TranslationViewModel.Translation;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.scene.Cursor;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The text of one captions row: a transcript line (partial, or final words with their confidence and speaker),
 * a typed sentence, or a translation with its unknown words marked.
 */
final class CaptionFlows {

    /** Speaker colours (readable on light and dark themes); a label keeps its colour for the session. */
    private static final String[] SPEAKER_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
        "#17becf", "#8c564b", "#e377c2"};

    private final TranscriptViewModel transcript;
    private final I18n i18n;
    private final DoubleSupplier fontSize;
    private final Supplier<String> typedLabel;

    CaptionFlows(TranscriptViewModel transcript, I18n i18n, DoubleSupplier fontSize, Supplier<String> typedLabel) {
        this.transcript = transcript;
        this.i18n = i18n;
        this.fontSize = fontSize;
        this.typedLabel = typedLabel;
    }

    TextFlow transcriptFlow(Utterance u) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("utterance");
        Font font = Font.font(fontSize.getAsDouble());
        if (!u.settled() || u.words().isEmpty()) {
            Text t = new Text(u.text());
            t.setFont(I18n.fontFor(u.text(), font.getSize()));
            t.getStyleClass().add(u.settled() ? "final-text" : "partial-text");
            flow.getStyleClass().add(u.settled() ? "final" : "partial");
            flow.getChildren().add(t);
            return flow;
        }
        flow.getStyleClass().add("final");
        if (u.speaker() != null) {
            flow.getChildren().add(speakerTag(u.speaker(), font));
        }
        for (Utterance.Word w : u.words()) {
            Text t = new Text(w.word() + " ");
            t.setFont(I18n.fontFor(w.word(), font.getSize()));
            t.getStyleClass().add("final-text");
            t.setOpacity(0.3 + 0.7 * Math.max(0, Math.min(1, w.conf()))); // unsure words look unsure
            t.setCursor(Cursor.HAND);
            t.setOnMouseClicked(e -> transcript.select(w));
            flow.getChildren().add(t);
        }
        return flow;
    }

    /**
     * "Name: " in the speaker's colour; clicking it offers "Rename speaker…" (all their lines follow) and "This is
     * me…" (enrol this voice under a name, see {@link SpeakerEnrolDialog}).
     */
    private Text speakerTag(String label, Font font) {
        Text tag = new Text(transcript.speakerName(label) + ": ");
        tag.setFont(Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize()));
        tag.setFill(javafx.scene.paint.Color.web(SPEAKER_COLOURS[Math.floorMod(label.hashCode(),
                SPEAKER_COLOURS.length)]));
        tag.getStyleClass().add("speaker-tag");
        tag.setCursor(Cursor.HAND);
        tag.setOnMouseClicked(e -> SpeakerEnrolDialog.menu(transcript, i18n, label)
                .show(tag, e.getScreenX(), e.getScreenY()));
        return tag;
    }

    /** A typed sentence (no transcript): its text, marked as typed, beside its translation. */
    TextFlow typedFlow(String source) {
        Text tag = new Text(typedLabel.get() + ": ");
        tag.setFont(I18n.fontFor(tag.getText(), fontSize.getAsDouble() * 0.75));
        tag.getStyleClass().add("typed-tag");
        Text t = new Text(source);
        t.setFont(I18n.fontFor(source, fontSize.getAsDouble()));
        t.getStyleClass().add("typed-text");
        TextFlow flow = new TextFlow(tag, t);
        flow.getStyleClass().add("typed");
        return flow;
    }

    TextFlow translationFlow(Translation tr) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("translation", tr.settled() ? "final" : "partial");
        Font font = Font.font(fontSize.getAsDouble());
        // words the translator did not know are marked, so a reader knows they were passed through untranslated
        for (String w : tr.target().split("(?<= )")) {
            Text t = new Text(w);
            t.setFont(I18n.fontFor(w, font.getSize()));
            String bare = w.strip().replaceAll("^[*#@]|[.,;:!?¿¡]+$", "");
            boolean unknown = tr.unknown().contains(bare) || w.strip().startsWith("*");
            t.getStyleClass().add(unknown ? "unknown-word" : tr.settled() ? "final-text" : "partial-text");
            flow.getChildren().add(t);
        }
        return flow;
    }
}
