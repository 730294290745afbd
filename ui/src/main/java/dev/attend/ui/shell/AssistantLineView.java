package dev.attend.ui.shell;

import dev.attend.ui.assistant.AssistantViewModel;
import dev.attend.ui.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The assistant line: wake/speech state, last intent and reply. */
public final class AssistantLineView extends HBox {

    public AssistantLineView(AssistantViewModel assistant, I18n i18n) {
        super(24);
        Label wake = new Label();
        wake.textProperty().bind(Bindings.createStringBinding(() -> {
            String st = assistant.stateProperty().get();
            boolean known = "idle".equals(st) || "speech".equals(st) || "listening".equals(st);
            return i18n.get("assistant.state") + " " + (known ? i18n.get("assistant." + st) : st);
        }, assistant.stateProperty(), i18n.localeProperty()));
        wake.setId("assistantState");
        Label intent = new Label();
        intent.textProperty().bind(Bindings.concat(i18n.text("assistant.intent"), " ", assistant.intentProperty()));
        Label reply = new Label();
        reply.textProperty().bind(Bindings.concat(i18n.text("assistant.reply"), " ", assistant.replyProperty()));
        getChildren().addAll(new FontIcon(Material2MZ.RECORD_VOICE_OVER), wake, intent, reply);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("assistant-line");
    }
}
