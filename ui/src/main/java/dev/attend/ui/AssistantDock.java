package dev.attend.ui;

import dev.attend.ui.assistant.AssistantPane;
import dev.attend.ui.shell.StatusBarView;
import javafx.geometry.Insets;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The window's bottom: the assistant pane, folded or out of the layout in low windows, above the status bar. */
final class AssistantDock {

    private AssistantDock() {
    }

    static VBox build(Stage stage, MainViewModel vm, StatusBarView status) {
        AssistantPane pane = new AssistantPane(vm.conversation(), vm.i18n());
        // below ~950 px of window height the open pane leaves the lab too little room (its heatmap drops labels): it
        // starts folded there (a click on its title or Ctrl+K opens it)
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> vm.tasks().later(0,
                () -> pane.setExpanded(stage.getHeight() >= 950)));
        // in a window under 850 px even its folded title costs the heatmap rows: it leaves the layout until opened
        // (Ctrl+K, in the shortcut list)
        pane.managedProperty().bind(pane.expandedProperty().or(stage.heightProperty().greaterThanOrEqualTo(850)));
        pane.visibleProperty().bind(pane.managedProperty());
        VBox bottom = new VBox(4, pane, status);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        return bottom;
    }
}
