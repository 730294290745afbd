package dev.attend.ui.bridge;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link UiTasks} for the running app: work on named daemon threads, results through {@code Platform.runLater}. */
public final class FxUiTasks implements UiTasks {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiTasks.class);
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "attend-ui-task-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

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
    public void later(long millis, Runnable r) {
        onUi(() -> {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(millis));
            p.setOnFinished(e -> r.run());
            p.play();
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
