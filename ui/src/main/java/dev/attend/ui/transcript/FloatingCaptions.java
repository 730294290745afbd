package dev.attend.ui.transcript;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.translation.TranslationViewModel;
import dev.attend.ui.translation.TranslationViewModel.Translation;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The floating caption window (LiveCaptions' signature): always on top, the newest line and its translation,
 * with sliders for text size and opacity. Dragging it anywhere moves it; closing it unticks the toolbar toggle.
 */
public final class FloatingCaptions {

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final TranscriptViewModel transcript;
    private final TranslationViewModel translation;
    private final Label line = new Label();
    private final Label translated = new Label();
    private final Slider size = new Slider(12, 48, 24);
    private final Slider opacity = new Slider(0.3, 1.0, 0.9);
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final VBox root;
    private double dragX;
    private double dragY;

    public FloatingCaptions(Window owner, TranscriptViewModel transcript, TranslationViewModel translation,
                            I18n i18n) {
        this.transcript = transcript;
        this.translation = translation;
        stage.initOwner(owner);
        stage.setAlwaysOnTop(true);
        stage.titleProperty().bind(i18n.text("captions.float"));
        line.setId("floatingLine");
        translated.setId("floatingTranslation");
        for (Label l : List.of(line, translated)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        translated.getStyleClass().add("text-muted");
        size.valueProperty().addListener((o, a, b) -> applySize());
        size.setId("floatingSize");
        opacity.setId("floatingOpacity");
        stage.opacityProperty().bind(opacity.valueProperty());
        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(i18n.text("captions.floatSize"));
        Label opacityLabel = new Label();
        opacityLabel.textProperty().bind(i18n.text("captions.floatOpacity"));
        HBox controls = new HBox(8, sizeLabel, size, opacityLabel, opacity);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(line, Priority.ALWAYS);
        root = new VBox(6, line, translated, controls);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("floating-captions");
        root.setOnMousePressed(e -> {
            dragX = stage.getX() - e.getScreenX();
            dragY = stage.getY() - e.getScreenY();
        });
        root.setOnMouseDragged(e -> {
            stage.setX(e.getScreenX() + dragX);
            stage.setY(e.getScreenY() + dragY);
        });
        stage.setScene(new Scene(root, 720, 170));
        dev.attend.ui.shell.WindowSize.hold(stage, 740, 210);
        if (owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        applySize();
        showing.addListener((o, a, on) -> {
            if (on) {
                refresh();
                stage.show();
            } else {
                stage.hide();
            }
        });
        stage.setOnHidden(e -> showing.set(false));
    }

    private void applySize() {
        line.setFont(Font.font(size.getValue()));
        translated.setFont(Font.font(size.getValue() * 0.8));
    }

    /** Shows the newest utterance (partial or final) and its translation; cheap, runs once per pulse. */
    public void refresh() {
        if (!showing.get()) {
            return;
        }
        var all = transcript.utterances();
        Utterance last = all.isEmpty() ? null : all.get(all.size() - 1);
        String text = last == null ? "" : last.text();
        if (!text.equals(line.getText())) {
            line.setText(text);
        }
        Translation t = last == null ? null : translation.byUtterance().get(last.id());
        String tr = t == null ? "" : t.target();
        if (!tr.equals(translated.getText())) {
            translated.setText(tr);
        }
    }

    public void setStyle(String style) {
        root.setStyle(style);
    }

    public BooleanProperty showingProperty() {
        return showing;
    }

    public Stage stage() {
        return stage;
    }

    public Slider sizeSlider() {
        return size;
    }

    public Slider opacitySlider() {
        return opacity;
    }
}
