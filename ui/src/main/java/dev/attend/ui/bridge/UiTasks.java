package dev.attend.ui.bridge;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view-models run slow work: {@code work} off the UI thread, then {@code onSuccess} or {@code onError}
 * on it. The JavaFX implementation uses a small daemon pool; tests use {@link #synchronous()}.
 */
public interface UiTasks {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs {@code r} on the UI thread (now, if already there). */
    void onUi(Runnable r);

    /** Runs {@code r} on the UI thread after {@code millis} (a timeout, a deferred check). */
    default void later(long millis, Runnable r) {
        run(() -> {
            Thread.sleep(millis);
            return r;
        }, Runnable::run, e -> { });
    }

    /** Everything inline on the caller's thread: for view-model tests. */
    static UiTasks synchronous() {
        return new UiTasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T value;
                try {
                    value = work.call();
                } catch (Exception | Error e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(value);
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }

            @Override
            public void later(long millis, Runnable r) {
                r.run(); // tests do not wait for time to pass
            }
        };
    }
}
