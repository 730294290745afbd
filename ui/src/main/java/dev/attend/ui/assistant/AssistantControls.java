package dev.attend.ui.assistant;

import dev.attend.assistant.AssistantSettings;
import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.ui.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;

/**
 * Listening modes and speech settings: the wake word (on/off, one of the bundled heads only), look-to-talk with
 * its threshold, mute, voice and rate. Every change is applied and saved through the view-model.
 */
final class AssistantControls extends GridPane {

    private final ConversationViewModel vm;
    private final CheckBox wakeOn = new CheckBox();
    private final ComboBox<String> wakeWord = new ComboBox<>();
    private final CheckBox lookOn = new CheckBox();
    private final Slider lookThreshold = new Slider(0.4, 0.95, AssistantSettings.DEFAULT_LOOK_THRESHOLD);
    private final CheckBox mute = new CheckBox();
    private final ComboBox<String> voice = new ComboBox<>();
    private final Spinner<Integer> rate = new Spinner<>(80, 450, SpeechSettings.DEFAULT_RATE, 5);
    private boolean updating;

    AssistantControls(ConversationViewModel vm, I18n i18n) {
        this.vm = vm;
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(0, 0, 0, 4));
        wakeOn.setId("assistantWakeOn");
        wakeOn.textProperty().bind(i18n.text("assistant.wakeWord"));
        wakeWord.setId("assistantWakeWord");
        wakeWord.getItems().setAll(AudioModels.wakeWordNames()); // only heads that exist can be chosen
        lookOn.setId("assistantLookOn");
        lookOn.textProperty().bind(i18n.text("assistant.lookToTalk"));
        lookThreshold.setId("assistantLookThreshold");
        lookThreshold.setBlockIncrement(0.05);
        lookThreshold.setMajorTickUnit(0.05);
        lookThreshold.setSnapToTicks(true);
        Label lookValue = new Label();
        lookValue.textProperty().bind(Bindings.format("%.2f", lookThreshold.valueProperty()));
        lookThreshold.disableProperty().bind(lookOn.selectedProperty().not());
        mute.setId("assistantMute");
        mute.textProperty().bind(i18n.text("assistant.mute"));
        voice.setId("assistantVoice");
        voice.setEditable(true);
        voice.getItems().setAll(vm.voices());
        voice.promptTextProperty().bind(i18n.text("assistant.voiceDefault"));
        rate.setId("assistantRate");
        rate.setEditable(true);
        rate.setPrefWidth(90);
        Label voiceLabel = new Label();
        voiceLabel.textProperty().bind(i18n.text("assistant.voice"));
        Label rateLabel = new Label();
        rateLabel.textProperty().bind(i18n.text("assistant.rate"));
        lookThreshold.setPrefWidth(110);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(i18n.text("assistant.lookThreshold"));
        lookThreshold.setTooltip(tip);
        javafx.scene.layout.HBox look = new javafx.scene.layout.HBox(4, lookThreshold, lookValue);
        javafx.scene.layout.HBox speed = new javafx.scene.layout.HBox(4, rateLabel, rate);
        speed.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        addRow(0, wakeOn, wakeWord);
        addRow(1, lookOn, look);
        addRow(2, mute, speed);
        addRow(3, voiceLabel, voice);
        show(vm.settingsProperty().get());
        vm.settingsProperty().addListener((o, a, s) -> show(s));
        wakeOn.selectedProperty().addListener((o, a, b) -> wake());
        wakeWord.valueProperty().addListener((o, a, b) -> wake());
        lookOn.selectedProperty().addListener((o, a, b) -> look());
        lookThreshold.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                look();
            }
        });
        lookThreshold.valueProperty().addListener((o, a, b) -> {
            if (!lookThreshold.isValueChanging()) {
                look();
            }
        });
        mute.selectedProperty().addListener((o, a, b) -> speech());
        voice.valueProperty().addListener((o, a, b) -> speech());
        rate.valueProperty().addListener((o, a, b) -> speech());
        setDisable(!vm.available());
        setMinWidth(260);
    }

    private void show(AssistantSettings s) {
        updating = true;
        try {
            wakeOn.setSelected(s.wakeWordOn());
            wakeWord.setValue(s.wakeWord());
            lookOn.setSelected(s.lookToTalk());
            lookThreshold.setValue(s.lookToTalkThreshold());
            mute.setSelected(s.speech().mute());
            voice.setValue(s.speech().voice());
            rate.getValueFactory().setValue(s.speech().rate());
        } finally {
            updating = false;
        }
    }

    private void wake() {
        if (!updating && wakeWord.getValue() != null) {
            vm.wakeWord(wakeWord.getValue(), wakeOn.isSelected());
        }
    }

    private void look() {
        if (!updating) {
            vm.lookToTalk(lookOn.isSelected(), lookThreshold.getValue());
        }
    }

    private void speech() {
        if (!updating && rate.getValue() != null) {
            vm.speech(mute.isSelected(), voice.getValue(), rate.getValue());
        }
    }
}
