package dev.attend.ui.assistant;

import dev.attend.ui.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The assistant pane: the conversation (what was said or typed, the intent, the reply), the command box and the
 * push-to-talk button (also {@link #PUSH_TO_TALK}; {@link #FOCUS_COMMAND} goes to the command box), timers and
 * today's notes, and the listening and speech controls. Its header shows the assistant's state; it folds away.
 */
public final class AssistantPane extends TitledPane {

    public static final KeyCombination PUSH_TO_TALK = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FOCUS_COMMAND = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final ConversationViewModel vm;
    private final I18n i18n;
    private final ListView<Turn> conversation = new ListView<>();
    private final TextField command = new TextField();

    public AssistantPane(ConversationViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("assistantPane");
        getStyleClass().add("assistant-pane");
        textProperty().bind(Bindings.createStringBinding(() -> i18n.get("assistant.pane") + " · "
                        + stateText(vm.stateProperty().get(), vm.stateModeProperty().get()),
                vm.stateProperty(), vm.stateModeProperty(), i18n.localeProperty()));
        setGraphic(new FontIcon(Material2MZ.RECORD_VOICE_OVER));
        HBox body = new HBox(10, conversationColumn(), new TimersNotesView(vm, i18n), new AssistantControls(vm, i18n));
        HBox.setHgrow(body.getChildren().get(0), Priority.ALWAYS);
        body.setPadding(new Insets(6));
        body.setPrefHeight(150);
        setContent(body);
        setDisable(false);
        sceneProperty().addListener((o, a, s) -> installKeys(a, s));
    }

    private VBox conversationColumn() {
        conversation.setId("assistantConversation");
        conversation.setPrefHeight(90);
        conversation.setItems(vm.turns());
        conversation.setCellFactory(l -> new TurnCell());
        conversation.setPlaceholder(new Label(i18n.get("assistant.empty")));
        i18n.localeProperty().addListener((o, a, b) -> {
            conversation.setPlaceholder(new Label(i18n.get("assistant.empty")));
            conversation.refresh();
        });
        vm.turns().addListener((javafx.collections.ListChangeListener<Turn>) c ->
                conversation.scrollTo(vm.turns().size() - 1));
        command.setId("assistantCommand");
        command.promptTextProperty().bind(i18n.text("assistant.commandPrompt"));
        command.setOnAction(e -> send());
        Button send = new Button();
        send.setId("assistantSend");
        send.textProperty().bind(i18n.text("assistant.send"));
        send.setOnAction(e -> send());
        send.disableProperty().bind(command.textProperty().isEmpty());
        Button ptt = new Button();
        ptt.setId("assistantPtt");
        ptt.textProperty().bind(i18n.text("assistant.pushToTalk"));
        ptt.setGraphic(new FontIcon(Material2MZ.MIC));
        ptt.setOnAction(e -> vm.pushToTalk());
        ptt.disableProperty().bind(Bindings.equal("listening", vm.stateProperty()));
        HBox row = new HBox(6, command, send, ptt);
        HBox.setHgrow(command, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("assistantMessage");
        message.getStyleClass().add("assistant-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            String m = vm.messageProperty().get();
            return m.startsWith("assistant.") ? i18n.get(m) : m;
        }, vm.messageProperty(), i18n.localeProperty()));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox col = new VBox(6, conversation, row, message);
        VBox.setVgrow(conversation, Priority.ALWAYS);
        boolean on = vm.available();
        row.setDisable(!on);
        if (!on) {
            conversation.setPlaceholder(new Label(i18n.get("assistant.unavailable")));
        }
        return col;
    }

    private void send() {
        vm.typed(command.getText());
        command.clear();
    }

    /** The in-window hotkeys, on whichever scene holds the pane. */
    private void installKeys(Scene old, Scene scene) {
        Runnable ptt = vm::pushToTalk;
        Runnable focus = () -> {
            setExpanded(true);
            command.requestFocus();
        };
        if (old != null) {
            old.getAccelerators().remove(PUSH_TO_TALK);
            old.getAccelerators().remove(FOCUS_COMMAND);
        }
        if (scene != null) {
            scene.getAccelerators().put(PUSH_TO_TALK, ptt);
            scene.getAccelerators().put(FOCUS_COMMAND, focus);
        }
    }

    private String stateText(String state, String mode) {
        String s = i18n.get("assistant.state." + state);
        return mode.isEmpty() || "idle".equals(state) ? s : s + " (" + i18n.get("assistant.mode." + mode) + ")";
    }

    /** A turn: "You: …" (or the mode when only audio was heard), the intent, then "Attend: …". */
    private final class TurnCell extends ListCell<Turn> {
        @Override
        protected void updateItem(Turn t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setText(null);
                return;
            }
            StringBuilder b = new StringBuilder();
            if (t.command() > 0) {
                String said = t.said() == null || t.said().isBlank() ? i18n.get("assistant.audioOnly") : t.said();
                b.append(i18n.get("assistant.you")).append(' ').append(said).append("  [")
                        .append(i18n.get("assistant.mode." + t.mode())).append(" → ")
                        .append(t.understood() ? t.intent() : i18n.get("assistant.notUnderstood"))
                        .append(String.format(" %.2f]", t.confidence()));
                b.append('\n');
            }
            b.append(i18n.get("assistant.attend")).append(' ')
                    .append(t.reply() == null ? i18n.get("assistant.state.thinking") : t.reply());
            setText(b.toString());
        }
    }
}
