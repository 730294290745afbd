package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.AsrEvents;
import dev.attend.config.AppDirs;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventJson;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Event storm: 1,000 events/s for {@link #SECONDS} s from a pipeline-like thread (levels, partials, faces, finals,
 * attention maps, stats) into the real window. Logs the FX pulse interval percentiles and heap; asserts only that
 * everything arrived and was applied (timings go to docs/performance.md, never into assertions).
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class EventStormFxTest {

    private static final Logger LOG = LoggerFactory.getLogger(EventStormFxTest.class);
    private static final int RATE = 1000;
    private static final int SECONDS = 6;
    @TempDir
    Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new AttendServices(new AppDirs(dir.resolve("c"), dir.resolve("d"),
                dir.resolve("k")), null, null, null), new SettingsStore(dir.resolve("c/settings.json")),
                new FxUiTasks());
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show();
    }

    @Test
    void windowKeepsUpWithAThousandEventsPerSecond(FxRobot robot) throws Exception {
        window.bridge().emit(new CoreEvents.SessionStart(0, "1", List.of(), "realtime"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        robot.interact(() -> window.pulse().resetStats());
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS); // baseline: the same window with no events
        double[] idle = new double[2];
        robot.interact(() -> {
            idle[0] = window.pulse().intervalPercentileMs(50);
            idle[1] = window.pulse().intervalPercentileMs(95);
            window.pulse().resetStats();
        });
        long heapStart = usedHeapAfterGc();
        List<Long> heap = new ArrayList<>();

        long t0 = System.nanoTime();
        int sent = 0;
        int finals = 0;
        for (int i = 0; i < RATE * SECONDS; i++) {
            long due = t0 + i * 1_000_000_000L / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            double t = i / (double) RATE;
            int utt = i / 500;
            if (i % 500 == 499) {
                window.bridge().emit(new AsrEvents.Final(utt * 0.5, t, utt, "utterance number " + utt, 0.9,
                        List.of(new AsrEvents.Word("utterance", utt * 0.5, t - 0.2, 0.9),
                                new AsrEvents.Word("number", t - 0.2, t - 0.1, 0.7),
                                new AsrEvents.Word(Integer.toString(utt), t - 0.1, t, 0.5)), List.of()));
                finals++;
            } else if (i % 1000 == 0) {
                window.bridge().emit(new CoreEvents.Stats(t, t, List.of()));
            } else if (i % 250 == 0) {
                window.bridge().accept(attention(t, utt, (i / 250) % 12));
            } else {
                switch (i % 10) {
                    case 0, 1, 2, 3 -> window.bridge().emit(new CoreEvents.Level(t, 0.08, -20 - i % 7, -6));
                    case 4, 5, 6 -> window.bridge().emit(new AsrEvents.Partial(t, utt, "utterance number " + i));
                    default -> window.bridge().accept(face(t, i));
                }
            }
            sent++;
            if (i % RATE == RATE - 1) {
                heap.add(usedHeapNoGc());
            }
        }
        double feedSeconds = (System.nanoTime() - t0) / 1e9;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.bridge().queued() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        double[] pct = new double[6];
        robot.interact(() -> {
            pct[0] = window.pulse().intervalPercentileMs(50);
            pct[1] = window.pulse().intervalPercentileMs(95);
            pct[2] = window.pulse().intervalPercentileMs(99);
            pct[3] = window.pulse().intervalPercentileMs(100);
            pct[4] = window.pulse().drainPercentileMs(50);
            pct[5] = window.pulse().drainPercentileMs(95);
        });
        long heapEnd = usedHeapAfterGc();
        String report = String.format("UI idle: FX pulse interval p50 %.1f ms, p95 %.1f ms%n", idle[0], idle[1])
                + String.format("UI event storm: %d events in %.2f s (%.0f/s); FX pulse interval p50 %.1f ms, "
                        + "p95 %.1f ms, p99 %.1f ms, max %.1f ms; drain (view-models + refresh) p50 %.2f ms, p95 %.2f ms; heap after GC %d MB → %d MB; heap per second "
                        + "(no GC) %s MB", sent, feedSeconds, sent / feedSeconds, pct[0], pct[1], pct[2], pct[3],
                pct[4], pct[5],
                heapStart >> 20, heapEnd >> 20, heap.stream().map(b -> Long.toString(b >> 20)).toList());
        LOG.info(report);
        Files.writeString(Path.of("target", "ui-event-storm.txt"), report + "\n");

        assertThat(window.bridge().received()).isEqualTo(sent + 1);
        assertThat(window.bridge().dropped()).isZero();
        assertThat(window.transcript().finals()).hasSize(finals);
        assertThat(window.attention().sources()).containsExactly("minilm");
    }

    private static long usedHeapNoGc() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static JsonNode face(double t, int i) {
        ObjectNode o = EventJson.mapper().createObjectNode().put("type", "face").put("t", t).put("frame", i)
                .put("width", 640).put("height", 480);
        ObjectNode f = o.putArray("faces").addObject().put("track", 1).put("score", 0.9);
        f.putArray("box").add(200 + i % 20).add(120).add(160).add(200);
        ArrayNode kp = f.putArray("keypoints");
        for (int k = 0; k < 6; k++) {
            kp.addArray().add(220 + k * 20).add(180 + k * 5);
        }
        f.putArray("mouth").add(250).add(260).add(60).add(30);
        f.put("mouthMotion", (i % 10) / 10.0);
        return o;
    }

    /** A 12-token map; weights are the softmax of the scores row by row. */
    private static JsonNode attention(double t, int utt, int head) {
        int n = 12;
        ObjectNode o = EventJson.mapper().createObjectNode().put("type", "attention").put("t", t)
                .put("source", "minilm").put("utterance", utt).put("layer", head % 6).put("head", head)
                .put("queryAxis", "tokens").put("keyAxis", "tokens");
        ArrayNode q = o.putArray("queries");
        ArrayNode k = o.putArray("keys");
        for (int i = 0; i < n; i++) {
            q.add("tok" + i);
            k.add("tok" + i);
        }
        ArrayNode w = o.putArray("weights");
        ArrayNode s = o.putArray("scores");
        for (int i = 0; i < n; i++) {
            double[] sc = new double[n];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sc[j] = Math.sin(i * 0.7 + j * 0.3 + head);
                sum += Math.exp(sc[j]);
            }
            ArrayNode wr = w.addArray();
            ArrayNode sr = s.addArray();
            for (int j = 0; j < n; j++) {
                sr.add(sc[j]);
                wr.add(Math.exp(sc[j]) / sum);
            }
        }
        return o;
    }
}
