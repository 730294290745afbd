package dev.attend.ui.transcript;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.translation.TranslationViewModel;
import dev.attend.ui.translation.TranslationViewModel.Translation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Transcript and translation side by side, one row per utterance so each translation sits beside its source.
 * Partials are muted and settle into finals; each final word's opacity follows its Vosk confidence; clicking a
 * word shows its time and confidence. Follows new text until the user scrolls up; scrolling back down resumes.
 */
public final class CaptionsView extends VBox {

    private final TranscriptViewModel transcript;
    private final TranslationViewModel translation;
    private final I18n i18n;
    private final VBox rows = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(rows);
    private final Map<Integer, GridPane> rowById = new HashMap<>();
    private final Set<Integer> dirty = new LinkedHashSet<>();
    private final DoubleProperty fontSize = new SimpleDoubleProperty(16);
    private final HBox modelBanner = new HBox(8);
    private final TextField translateField = new TextField();
    private boolean follow = true;
    private boolean programmaticScroll;
    private boolean rebuildAll;
    private String typedLabel = "";

    /**
     * @param translateTyped translates a typed sentence with the chosen pair (the result comes back as a
     *                       {@code translation} event with a negative utterance id)
     */
    public CaptionsView(TranscriptViewModel transcript, TranslationViewModel translation, I18n i18n,
                        Runnable openModelManager, Consumer<String> translateTyped) {
        this.transcript = transcript;
        this.translation = translation;
        this.i18n = i18n;
        getStyleClass().add("captions-view");
        setSpacing(6);
        setPadding(new Insets(6));

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
        HBox rightHead = new HBox(8, right, pair);
        rightHead.setAlignment(Pos.CENTER_LEFT);
        GridPane head = grid();
        head.add(left, 0, 0);
        head.add(rightHead, 1, 0);

        Label missing = new Label();
        missing.textProperty().bind(i18n.text("captions.noModel"));
        missing.setWrapText(true);
        Button open = new Button();
        open.textProperty().bind(i18n.text("menu.models"));
        open.setId("openModelManager");
        open.setOnAction(e -> openModelManager.run());
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(missing, Priority.ALWAYS);
        modelBanner.getChildren().addAll(missing, open);
        modelBanner.setAlignment(Pos.CENTER_LEFT);
        modelBanner.getStyleClass().add("model-banner");
        modelBanner.setId("modelBanner");
        // a replay can carry captions without a model here: then the banner would contradict the pane
        modelBanner.visibleProperty().bind(transcript.modelMissingProperty()
                .and(transcript.heardSpeechProperty().not()));
        modelBanner.managedProperty().bind(modelBanner.visibleProperty());

        Label noPairs = new Label();
        // the port's reason is English (and in the log); the pane says it in the UI language
        noPairs.textProperty().bind(i18n.text("captions.noTranslation"));
        noPairs.setWrapText(true);
        noPairs.getStyleClass().add("text-muted");
        noPairs.setId("translationUnavailable");
        noPairs.visibleProperty().bind(translation.unavailableReasonProperty().isNotEmpty());
        noPairs.managedProperty().bind(noPairs.visibleProperty());

        Label selected = new Label();
        selected.setId("wordInfo");
        selected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Utterance.Word w = transcript.selectedProperty().get();
            return w == null ? "" : i18n.get("captions.wordInfo", w.word(), String.format("%.2f", w.start()),
                    String.format("%.2f", w.end()), String.format("%.2f", w.conf()));
        }, transcript.selectedProperty(), i18n.localeProperty()));
        selected.getStyleClass().add("text-muted");

        scroll.setFitToWidth(true);
        scroll.setId("captionsScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        rows.setPadding(new Insets(4));
        scroll.vvalueProperty().addListener((o, a, b) -> {
            if (!programmaticScroll) {
                follow = b.doubleValue() >= scroll.getVmax() - 0.02;
            }
        });
        TextField typed = translateField;
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
        typedLabel = i18n.get("captions.typed");
        i18n.localeProperty().addListener((o, a, b) -> {
            typedLabel = i18n.get("captions.typed");
            rebuildAll = true; // typed rows carry the label
            refresh();
        });
        Button copy = new Button();
        copy.textProperty().bind(i18n.text("captions.copyAll"));
        copy.setId("copyTranscript");
        copy.setOnAction(e -> copyAll());
        Button clear = new Button();
        clear.textProperty().bind(i18n.text("captions.clear"));
        clear.setId("clearTranscript");
        clear.setOnAction(e -> {
            transcript.clear();
            translation.clear();
        });
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(transcript.utterances()));
        clear.disableProperty().bind(copy.disableProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox foot = new HBox(8, selected, grow, copy, clear);
        foot.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(head, modelBanner, noPairs, scroll, typedRow, foot);
        rows.heightProperty().addListener((o, a, b) -> followBottom());

        transcript.utterances().addListener((ListChangeListener<Utterance>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && !c.wasAdded()) {
                    rebuildAll = true;
                }
                for (Utterance u : c.getAddedSubList()) {
                    dirty.add(u.id());
                }
            }
        });
        translation.byUtterance().addListener((MapChangeListener<Integer, Translation>) c -> dirty.add(c.getKey()));
        translation.selectedPairProperty().addListener((o, a, b) -> rebuildAll = true);
        fontSize.addListener((o, a, b) -> rebuildAll = true);
        transcript.speakerNames().addListener((MapChangeListener<String, String>) c -> rebuildAll = true);
    }

    /** The "Translate text" field (the screenshot hook types into it). */
    public TextField translateField() {
        return translateField;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** Whether new text scrolls into view (false after the user scrolled up). */
    public boolean isFollowing() {
        return follow;
    }

    /** Applies what changed since the last pulse: only changed rows are rebuilt. */
    public void refresh() {
        if (rebuildAll) {
            rebuildAll = false;
            rows.getChildren().clear();
            rowById.clear();
            dirty.clear();
            transcript.utterances().forEach(u -> dirty.add(u.id()));
        }
        if (dirty.isEmpty()) {
            return;
        }
        Map<Integer, Utterance> byId = new HashMap<>();
        transcript.utterances().forEach(u -> byId.put(u.id(), u));
        for (Integer id : dirty) {
            Utterance u = byId.get(id);
            Translation t = translation.byUtterance().get(id);
            if (u == null) {
                continue; // a late translation of a row that was cleared
            }
            GridPane row = rowById.computeIfAbsent(id, k -> insertRow(k));
            row.getChildren().clear();
            row.add(u.typed() ? typedFlow(u.text()) : transcriptFlow(u), 0, 0);
            row.add(t != null ? translationFlow(t) : new TextFlow(), 1, 0);
        }
        dirty.clear();
    }

    /** After the rows grew (next layout), keeps the newest line in view unless the user scrolled up. */
    private void followBottom() {
        if (follow) {
            programmaticScroll = true;
            scroll.setVvalue(scroll.getVmax());
            programmaticScroll = false;
        }
    }

    /** Rows go in the transcript's order: the order they first appeared, typed sentences where they were typed. */
    private GridPane insertRow(int id) {
        GridPane row = grid();
        row.setUserData(id);
        int want = 0;
        for (Utterance u : transcript.utterances()) {
            if (u.id() == id) {
                break;
            }
            want++;
        }
        rows.getChildren().add(Math.min(want, rows.getChildren().size()), row);
        return row;
    }

    /** Copies every row (text and translation) to the clipboard, in screen order. */
    public void copyAll() {
        StringBuilder sb = new StringBuilder();
        for (Utterance u : transcript.utterances()) {
            sb.append(u.text());
            Translation t = translation.byUtterance().get(u.id());
            if (t != null) {
                sb.append('\t').append(t.target());
            }
            sb.append('\n');
        }
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(sb.toString());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(half, half);
        return g;
    }

    private TextFlow transcriptFlow(Utterance u) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("utterance");
        Font font = Font.font(fontSize.get());
        if (!u.settled() || u.words().isEmpty()) {
            Text t = new Text(u.text());
            t.setFont(dev.attend.ui.i18n.I18n.fontFor(u.text(), font.getSize()));
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
            t.setFont(dev.attend.ui.i18n.I18n.fontFor(w.word(), font.getSize()));
            t.getStyleClass().add("final-text");
            t.setOpacity(0.3 + 0.7 * Math.max(0, Math.min(1, w.conf()))); // unsure words look unsure
            t.setCursor(Cursor.HAND);
            t.setOnMouseClicked(e -> transcript.select(w));
            flow.getChildren().add(t);
        }
        return flow;
    }

    /** Speaker colours (readable on light and dark themes); a label keeps its colour for the session. */
    private static final String[] SPEAKER_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
        "#17becf", "#8c564b", "#e377c2"};

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
    private TextFlow typedFlow(String source) {
        Text tag = new Text(typedLabel + ": ");
        tag.setFont(dev.attend.ui.i18n.I18n.fontFor(tag.getText(), fontSize.get() * 0.75));
        tag.getStyleClass().add("typed-tag");
        Text t = new Text(source);
        t.setFont(dev.attend.ui.i18n.I18n.fontFor(source, fontSize.get()));
        t.getStyleClass().add("typed-text");
        TextFlow flow = new TextFlow(tag, t);
        flow.getStyleClass().add("typed");
        return flow;
    }

    private TextFlow translationFlow(Translation tr) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("translation", tr.settled() ? "final" : "partial");
        Font font = Font.font(fontSize.get());
        // words the translator did not know are marked, so a reader knows they were passed through untranslated
        for (String w : tr.target().split("(?<= )")) {
            Text t = new Text(w);
            t.setFont(dev.attend.ui.i18n.I18n.fontFor(w, font.getSize()));
            String bare = w.strip().replaceAll("^[*#@]|[.,;:!?¿¡]+$", "");
            boolean unknown = tr.unknown().contains(bare) || w.strip().startsWith("*");
            t.getStyleClass().add(unknown ? "unknown-word" : tr.settled() ? "final-text" : "partial-text");
            flow.getChildren().add(t);
        }
        return flow;
    }

    /** Number of rows shown (for tests). */
    public int rowCount() {
        return rows.getChildren().size();
    }
}
