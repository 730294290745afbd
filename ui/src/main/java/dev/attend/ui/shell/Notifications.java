package dev.attend.ui.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one visible place for errors, warnings and confirmations: the newest notice is shown in the window's notice
 * bar (with its details and a copy button) until dismissed or replaced, and every notice is also logged.
 */
public final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    /** How a notice looks. */
    public enum Level { INFO, SUCCESS, WARNING, ERROR }

    /** A button on a notice; running it dismisses the notice. */
    public record Action(String label, Runnable run) {
    }

    /** One message; {@code details} (may be "") is shown on demand and copied with the message. */
    public record Notice(Level level, String message, String details, List<Action> actions) {
        public Notice {
            details = details == null ? "" : details;
            actions = List.copyOf(actions);
        }
    }

    private final ReadOnlyObjectWrapper<Notice> current = new ReadOnlyObjectWrapper<>();

    public void info(String message) {
        show(new Notice(Level.INFO, message, "", List.of()));
    }

    public void success(String message) {
        show(new Notice(Level.SUCCESS, message, "", List.of()));
    }

    public void warn(String message, Action... actions) {
        show(new Notice(Level.WARNING, message, "", List.of(actions)));
    }

    /** An error with what to do in {@code message}; {@code cause} (may be null) goes to the details and the log. */
    public void error(String message, Throwable cause) {
        String details = cause == null ? "" : cause.toString();
        show(new Notice(Level.ERROR, message, details, List.of()));
    }

    public void show(Notice n) {
        switch (n.level()) {
            case ERROR -> LOG.warn("shown to the user: {}{}", n.message(), n.details().isEmpty() ? ""
                    : " (" + n.details() + ")");
            case WARNING -> LOG.warn("shown to the user: {}", n.message());
            default -> LOG.info("shown to the user: {}", n.message());
        }
        current.set(n);
    }

    /** Runs an action of the current notice and dismisses it. */
    public void run(Action a) {
        dismiss();
        a.run().run();
    }

    public void dismiss() {
        current.set(null);
    }

    /** The notice on screen, or null. */
    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Notice current() {
        return current.get();
    }
}
