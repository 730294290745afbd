package dev.attend.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.UiTasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session controls on a synchronous executor with a fake launcher that records what it was given. */
class SessionViewModelTest {

    private final EventBridge bridge = new EventBridge();
    private final List<EventSink> sinks = new ArrayList<>();
    private final List<SessionRequest> requests = new ArrayList<>();
    private final SessionLauncher launcher = (r, events, a, v) -> {
        requests.add(r);
        sinks.add(events);
        return new RunningSession() {
            @Override
            public void stop() {
            }

            @Override
            public boolean isEnded() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    };
    private final SessionViewModel vm = new SessionViewModel(launcher, bridge, UiTasks.synchronous(),
            () -> new SessionViewModel.Previews(List.of(), List.of()), () -> { });

    private static SessionRequest demo() {
        return new SessionRequest(SessionRequest.Source.DEMO, "", "", null, true, null, List.of(), 0.5);
    }

    @Test
    void startPauseResumeStop() {
        vm.subscribe(bridge);
        vm.start(demo());
        assertThat(vm.stateProperty().get()).isEqualTo(SessionViewModel.State.RUNNING);
        assertThat(requests).singleElement().extracting(SessionRequest::source)
                .isEqualTo(SessionRequest.Source.DEMO);

        vm.togglePause();
        assertThat(vm.stateProperty().get()).isEqualTo(SessionViewModel.State.PAUSED);
        assertThat(bridge.isPaused()).isTrue();
        vm.togglePause();
        assertThat(bridge.isPaused()).isFalse();

        sinks.get(0).emit(new CoreEvents.SessionEnd(3, "eof", 3, 0, 0, 0, 1));
        bridge.drain();
        assertThat(vm.stateProperty().get()).isEqualTo(SessionViewModel.State.IDLE);
    }

    @Test
    void lateEventsOfAStoppedSessionNeverReachTheNextOne() {
        vm.start(demo());
        vm.stop();
        vm.start(demo());
        sinks.get(0).emit(new CoreEvents.SessionEnd(3, "stopped", 3, 0, 0, 0, 1));
        assertThat(bridge.queued()).isZero();
        sinks.get(1).emit(new CoreEvents.SessionEnd(3, "eof", 3, 0, 0, 0, 1));
        assertThat(bridge.queued()).isEqualTo(1);
    }

    @Test
    void failedStartShowsTheLaunchersMessage() {
        SessionViewModel failing = new SessionViewModel((r, e, a, v) -> {
            throw new IllegalArgumentException("x.wav: cannot read this file");
        }, bridge, UiTasks.synchronous(), () -> new SessionViewModel.Previews(List.of(), List.of()), () -> { });
        failing.start(demo());
        assertThat(failing.stateProperty().get()).isEqualTo(SessionViewModel.State.IDLE);
        assertThat(failing.errorProperty().get()).isEqualTo("x.wav: cannot read this file");
    }

    @Test
    void stopWhileModelsLoadClosesTheSessionWhenItArrives() {
        List<Runnable> pending = new ArrayList<>();
        UiTasks deferred = new UiTasks() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                                java.util.function.Consumer<Throwable> onError) {
                pending.add(() -> UiTasks.synchronous().run(work, onSuccess, onError));
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }
        };
        boolean[] closed = {false};
        SessionViewModel slow = new SessionViewModel((r, e, a, v) -> new RunningSession() {
            @Override
            public void stop() {
            }

            @Override
            public boolean isEnded() {
                return false;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        }, bridge, deferred, () -> new SessionViewModel.Previews(List.of(), List.of()), () -> { });
        slow.start(demo());
        assertThat(slow.stateProperty().get()).isEqualTo(SessionViewModel.State.STARTING);
        slow.stop();
        assertThat(slow.stateProperty().get()).isEqualTo(SessionViewModel.State.IDLE);
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).run(); // the start finishes, then the close it schedules
        }
        assertThat(slow.stateProperty().get()).isEqualTo(SessionViewModel.State.IDLE);
        assertThat(closed[0]).isTrue();
    }
}
