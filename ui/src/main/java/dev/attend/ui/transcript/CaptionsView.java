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
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * Transcript and translation side by side, one row per utterance so each translation sits beside its source.
 * Partials are muted and settle into finals; each final word's opacity follows its Vosk confidence; clicking a
 * word shows its time and confidence. Follows new text until the user scrolls up; scrolling back down resumes.
 * Row text comes from {@link CaptionFlows}, the fixed parts around the rows from {@link CaptionsParts}.
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
    private final CaptionFlows flows;

    /**
     * @param translateTyped makes a typed sentence a {@code text.typed} event (its row) and translates it with the
     *                       chosen pair (the {@code translation} event carries the typed sentence's id)
     */
    public CaptionsView(TranscriptViewModel transcript, TranslationViewModel translation, I18n i18n,
                        Runnable openModelManager, Consumer<String> translateTyped) {
        this.transcript = transcript;
        this.translation = translation;
        this.i18n = i18n;
        this.flows = new CaptionFlows(transcript, i18n, fontSize::get, () -> typedLabel);
        getStyleClass().add("captions-view");
        setSpacing(6);
        setPadding(new Insets(6));

        GridPane head = CaptionsParts.header(translation, i18n);
        CaptionsParts.modelBanner(modelBanner, transcript, i18n, openModelManager);
        Label noPairs = CaptionsParts.noPairs(translation, i18n);

        scroll.setFitToWidth(true);
        scroll.setId("captionsScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        rows.setPadding(new Insets(4));
        scroll.vvalueProperty().addListener((o, a, b) -> {
            if (!programmaticScroll) {
                follow = b.doubleValue() >= scroll.getVmax() - 0.02;
            }
        });
        HBox typedRow = CaptionsParts.typedRow(translateField, translation, i18n, translateTyped);
        typedLabel = i18n.get("captions.typed");
        i18n.localeProperty().addListener((o, a, b) -> {
            typedLabel = i18n.get("captions.typed");
            rebuildAll = true; // typed rows carry the label
            refresh();
        });
        HBox foot = CaptionsParts.footer(transcript, translation, i18n);

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
            row.add(u.typed() ? flows.typedFlow(u.text()) : flows.transcriptFlow(u), 0, 0);
            row.add(t != null ? flows.translationFlow(t) : new TextFlow(), 1, 0);
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
        GridPane row = CaptionsParts.grid();
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
        CaptionsParts.copyAll(transcript, translation);
    }

    /** Number of rows shown (for tests). */
    public int rowCount() {
        return rows.getChildren().size();
    }
}
