package dev.attend.ui.bridge;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UiTasks} for the running app: work on the app's {@link TaskExecutor}, results through
 * {@code Platform.runLater}.
 */
public final class FxUiTasks implements UiTasks {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiTasks.class);
    private final TaskExecutor pool;

    /** On the app's executor (owned and shut down by the app). */
    public FxUiTasks(TaskExecutor tasks) {
        this.pool = tasks;
    }

    /** On a small executor of its own, for a window started without the app (tests); its idle threads end. */
    public FxUiTasks() {
        this(new ThreadPoolTaskExecutor("ui-task", 2));
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onSuccess.accept(value));
            } catch (Exception | Error e) {
                LOG.debug("background task failed", e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
