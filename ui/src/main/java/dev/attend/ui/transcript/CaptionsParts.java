package dev.attend.ui.transcript;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.translation.TranslationViewModel;
import dev.attend.ui.translation.TranslationViewModel.Translation;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The fixed parts around the captions rows: header, missing-model banner, typed-text row, footer, clipboard. */
final class CaptionsParts {

    private CaptionsParts() {
    }

    /** Two equal columns: transcript left, translation right. */
    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(half, half);
        return g;
    }

    /** Column titles and the translation pair picker. */
    static GridPane header(TranslationViewModel translation, I18n i18n) {
        Label left = new Label();
        left.textProperty().bind(i18n.text("captions.transcript"));
        left.getStyleClass().add("title-4");
        Label right = new Label();
        right.textProperty().bind(i18n.text("captions.translation"));
        right.getStyleClass().add("title-4");
        ComboBox<String> pair = new ComboBox<>(translation.pairs());
        pair.valueProperty().bindBidirectional(translation.selectedPairProperty());
        pair.setId("pairPicker");
        pair.promptTextProperty().bind(i18n.text("captions.pair"));
        // in a narrow window the picker moves under the title instead of both being cut to "Transl…" / "e…"
        pair.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane rightHead = new javafx.scene.layout.FlowPane(8, 4, right, pair);
        rightHead.setAlignment(Pos.CENTER_LEFT);
        GridPane head = grid();
        head.add(left, 0, 0);
        head.add(rightHead, 1, 0);
        return head;
    }

    /** "No speech model" with a button to the model manager; hidden once captions arrive anyway (a replay). */
    static HBox modelBanner(HBox banner, TranscriptViewModel transcript, I18n i18n, Runnable openModelManager) {
        Label missing = new Label();
        missing.textProperty().bind(i18n.text("captions.noModel"));
        missing.setWrapText(true);
        Button open = new Button();
        open.textProperty().bind(i18n.text("menu.models"));
        open.setId("openModelManager");
        open.setOnAction(e -> openModelManager.run());
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(missing, Priority.ALWAYS);
        banner.getChildren().addAll(missing, open);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("model-banner");
        banner.setId("modelBanner");
        // a replay can carry captions without a model here: then the banner would contradict the pane
        banner.visibleProperty().bind(transcript.modelMissingProperty().and(transcript.heardSpeechProperty().not()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Shown when no translator is available. */
    static Label noPairs(TranslationViewModel translation, I18n i18n) {
        Label noPairs = new Label();
        // the port's reason is English (and in the log); the pane says it in the UI language
        noPairs.textProperty().bind(i18n.text("captions.noTranslation"));
        noPairs.setWrapText(true);
        noPairs.getStyleClass().add("text-muted");
        noPairs.setId("translationUnavailable");
        noPairs.visibleProperty().bind(translation.unavailableReasonProperty().isNotEmpty());
        noPairs.managedProperty().bind(noPairs.visibleProperty());
        return noPairs;
    }

    /** The "Translate text" field and button; Enter or the button hands the sentence on and clears the field. */
    static HBox typedRow(TextField typed, TranslationViewModel translation, I18n i18n,
                         Consumer<String> translateTyped) {
        typed.setId("translateField");
        typed.promptTextProperty().bind(i18n.text("captions.translatePrompt"));
        HBox.setHgrow(typed, Priority.ALWAYS);
        Button translate = new Button();
        translate.setId("translateButton");
        translate.textProperty().bind(i18n.text("captions.translate"));
        translate.setMinWidth(Region.USE_PREF_SIZE);
        translate.disableProperty().bind(typed.textProperty().isEmpty()
                .or(translation.selectedPairProperty().isNull()));
        Runnable go = () -> {
            if (!typed.getText().isBlank() && translation.selectedPairProperty().get() != null) {
                translateTyped.accept(typed.getText().strip());
                typed.clear(); // ready for the next sentence
            }
        };
        translate.setOnAction(e -> go.run());
        typed.setOnAction(e -> go.run());
        HBox typedRow = new HBox(6, typed, translate);
        typedRow.setAlignment(Pos.CENTER_LEFT);
        typedRow.visibleProperty().bind(translation.unavailableReasonProperty().isEmpty());
        typedRow.managedProperty().bind(typedRow.visibleProperty());
        return typedRow;
    }

    /** The selected word's time and confidence, and Copy all / Clear. */
    static HBox footer(TranscriptViewModel transcript, TranslationViewModel translation, I18n i18n) {
        Label selected = new Label();
        selected.setId("wordInfo");
        selected.textProperty().bind(Bindings.createStringBinding(() -> {
            Utterance.Word w = transcript.selectedProperty().get();
            return w == null ? "" : i18n.get("captions.wordInfo", w.word(), String.format("%.2f", w.start()),
                    String.format("%.2f", w.end()), String.format("%.2f", w.conf()));
        }, transcript.selectedProperty(), i18n.localeProperty()));
        selected.getStyleClass().add("text-muted");
        Button copy = new Button();
        copy.textProperty().bind(i18n.text("captions.copyAll"));
        copy.setId("copyTranscript");
        copy.setOnAction(e -> copyAll(transcript, translation));
        Button clear = new Button();
        clear.textProperty().bind(i18n.text("captions.clear"));
        clear.setId("clearTranscript");
        clear.setOnAction(e -> {
            transcript.clear();
            translation.clear();
        });
        copy.disableProperty().bind(Bindings.isEmpty(transcript.utterances()));
        clear.disableProperty().bind(copy.disableProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox foot = new HBox(8, selected, grow, copy, clear);
        foot.setAlignment(Pos.CENTER_LEFT);
        return foot;
    }

    /** Copies every row (text and translation, tab-separated) to the clipboard, in screen order. */
    static void copyAll(TranscriptViewModel transcript, TranslationViewModel translation) {
        StringBuilder sb = new StringBuilder();
        for (Utterance u : transcript.utterances()) {
            sb.append(u.text());
            Translation t = translation.byUtterance().get(u.id());
            if (t != null) {
                sb.append('\t').append(t.target());
            }
            sb.append('\n');
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(sb.toString());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
