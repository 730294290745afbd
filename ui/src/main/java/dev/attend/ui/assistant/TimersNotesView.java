package dev.attend.ui.assistant;

import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.Note;
import dev.attend.ui.i18n.I18n;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Running timers with their countdowns (each second) and a cancel button; today's notes below. */
final class TimersNotesView extends VBox {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private final ListView<AssistantTimer> timers = new ListView<>();
    private final ListView<Note> notes = new ListView<>();
    private final Timeline tick;

    TimersNotesView(ConversationViewModel vm, I18n i18n) {
        super(4);
        Label timersTitle = new Label();
        timersTitle.textProperty().bind(i18n.text("assistant.timers"));
        timersTitle.getStyleClass().add("assistant-title");
        timers.setId("assistantTimers");
        timers.setItems(vm.timers());
        timers.setPlaceholder(new Label(i18n.get("assistant.noTimers")));
        timers.setCellFactory(l -> new TimerCell(vm, i18n));
        Label notesTitle = new Label();
        notesTitle.textProperty().bind(i18n.text("assistant.notesToday"));
        notesTitle.getStyleClass().add("assistant-title");
        notes.setId("assistantNotes");
        notes.setItems(vm.notes());
        notes.setPlaceholder(new Label(i18n.get("assistant.noNotes")));
        notes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Note n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null
                        : HM.format(n.created().atZone(ZoneId.systemDefault())) + "  " + n.text());
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            timers.setPlaceholder(new Label(i18n.get("assistant.noTimers")));
            notes.setPlaceholder(new Label(i18n.get("assistant.noNotes")));
            timers.refresh();
        });
        getChildren().addAll(timersTitle, timers, notesTitle, notes);
        timers.setPrefHeight(56);
        notes.setPrefHeight(56);
        VBox.setVgrow(timers, Priority.ALWAYS);
        VBox.setVgrow(notes, Priority.ALWAYS);
        setPrefWidth(280);
        setMinWidth(200);
        // countdowns move once a second; a due timer leaves the list when its event comes
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> timers.refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    /** "mm:ss" or "h:mm:ss" left. */
    static String countdown(Duration left) {
        long s = Math.max(0, left.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    private static final class TimerCell extends ListCell<AssistantTimer> {
        private final Label name = new Label();
        private final Label left = new Label();
        private final Button cancel = new Button();
        private final HBox row;

        TimerCell(ConversationViewModel vm, I18n i18n) {
            cancel.textProperty().bind(i18n.text("assistant.cancelTimer"));
            cancel.getStyleClass().add("small");
            cancel.setOnAction(e -> {
                if (getItem() != null) {
                    vm.cancelTimer(getItem().id());
                }
            });
            left.getStyleClass().add("assistant-countdown");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(6, name, gap, left, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(AssistantTimer t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                cancel.setId(null);
                setGraphic(null);
                return;
            }
            name.setText(t.name());
            left.setText(countdown(t.remaining(Instant.now())));
            cancel.setId("cancelTimer-" + t.id());
            setGraphic(row);
        }
    }
}
