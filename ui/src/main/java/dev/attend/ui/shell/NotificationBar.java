package dev.attend.ui.shell;

import dev.attend.ui.i18n.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The notice bar under the toolbar: the current notice, its actions, details on demand, copy, dismiss. */
public final class NotificationBar extends VBox {

    private final Label message = new Label();
    private final HBox actions = new HBox(6);
    private final TextArea details = new TextArea();
    private final ToggleButton showDetails = new ToggleButton();
    private final FontIcon icon = new FontIcon();

    public NotificationBar(Notifications notices, I18n i18n) {
        setId("notificationBar");
        message.setId("notificationText");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        showDetails.textProperty().bind(i18n.text("notice.details"));
        showDetails.setId("notificationDetails");
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.textProperty().bind(i18n.text("notice.copy"));
        copy.setId("notificationCopy");
        copy.setOnAction(e -> {
            Notifications.Notice n = notices.current();
            if (n != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(n.details().isEmpty() ? n.message() : n.message() + "\n" + n.details());
                Clipboard.getSystemClipboard().setContent(c);
            }
        });
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("notificationClose");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> notices.dismiss());
        HBox line = new HBox(8, icon, message, actions, showDetails, copy, close);
        line.setAlignment(Pos.CENTER_LEFT);
        details.setEditable(false);
        details.setPrefRowCount(4);
        details.visibleProperty().bind(showDetails.selectedProperty());
        details.managedProperty().bind(details.visibleProperty());
        getChildren().addAll(line, details);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(4);
        visibleProperty().bind(notices.currentProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        notices.currentProperty().addListener((o, a, n) -> show(notices, n));
    }

    private void show(Notifications notices, Notifications.Notice n) {
        getStyleClass().removeIf(c -> c.startsWith("notice-"));
        actions.getChildren().clear();
        showDetails.setSelected(false);
        if (n == null) {
            message.setText("");
            return;
        }
        getStyleClass().add("notice-" + n.level().name().toLowerCase(java.util.Locale.ROOT));
        icon.setIconCode(switch (n.level()) {
            case ERROR -> Material2AL.ERROR_OUTLINE;
            case WARNING -> Material2MZ.WARNING;
            case SUCCESS -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case INFO -> Material2AL.INFO;
        });
        message.setText(n.message());
        details.setText(n.details());
        showDetails.setVisible(!n.details().isEmpty());
        showDetails.setManaged(!n.details().isEmpty());
        for (Notifications.Action a : n.actions()) {
            Button b = new Button(a.label());
            b.setOnAction(e -> notices.run(a));
            actions.getChildren().add(b);
        }
    }
}
