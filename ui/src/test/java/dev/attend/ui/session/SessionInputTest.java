package dev.attend.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.TypedTextEvent;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.fx.WavSessionLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A typed sentence enters the running pipeline (its sink sees it) and, with none running, goes to the bridge. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // hang guard only
class SessionInputTest {

    @TempDir
    Path dir;

    @Test
    void aTypedSentenceGoesThroughTheRunningSessionAndAfterItsEndStraightToTheBridge() throws Exception {
        List<AttendEvent> throughPipeline = new CopyOnWriteArrayList<>();
        List<RunningSession> started = new ArrayList<>();
        WavSessionLauncher wav = new WavSessionLauncher();
        SessionLauncher recording = (r, events, a, v) -> {
            RunningSession s = wav.start(r, e -> {
                throughPipeline.add(e);
                events.emit(e);
            }, a, v);
            started.add(s);
            return s;
        };
        EventBridge bridge = new EventBridge();
        SessionViewModel vm = new SessionViewModel(recording, bridge, UiTasks.synchronous(),
                () -> new SessionViewModel.Previews(List.of(), List.of()), () -> { });
        vm.subscribe(bridge);
        Path tone = WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 3.0);
        vm.start(new SessionRequest(SessionRequest.Source.FILE, "", "", tone, true, null, List.of(), 0.5));
        assertThat(vm.stateProperty().get()).isEqualTo(SessionViewModel.State.RUNNING);

        TypedTextEvent inSession = new TypedTextEvent(0.1, TypedTextEvent.FIRST_ID, "the black cat",
                TypedTextEvent.CAPTIONS);
        vm.input().emit(inSession);
        vm.stop();
        assertThat(started.get(0).isEnded() || awaitEnd(started.get(0))).isTrue();
        List<AttendEvent> types = new ArrayList<>(throughPipeline);
        int at = types.indexOf(inSession);
        assertThat(at).isPositive(); // after session.start, written by the pipeline
        assertThat(types.get(types.size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);

        bridge.drain(); // the session's end: idle
        TypedTextEvent idle = new TypedTextEvent(0, TypedTextEvent.FIRST_ID + 1, "no session", TypedTextEvent.LAB);
        vm.input().emit(idle);
        assertThat(throughPipeline).doesNotContain(idle);
        List<AttendEvent> shown = new ArrayList<>();
        bridge.subscribe(TypedTextEvent.class, shown::add);
        bridge.drain();
        assertThat(shown).containsExactly(idle);
        started.get(0).close();
    }

    private static boolean awaitEnd(RunningSession s) throws InterruptedException {
        for (int i = 0; i < 300 && !s.isEnded(); i++) {
            Thread.sleep(20);
        }
        return s.isEnded();
    }
}
