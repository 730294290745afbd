package dev.attend.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventJson;
import dev.attend.ui.MainWindow;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.session.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The lab's bar, measured in the real window: the demo clip plays (real time, fusion on: every map, every 80-ms
 * step), the lab shows the fusion source's audio→video map (or, with {@code -Dattend.bench.lab=hidden}, the lab
 * is hidden, for comparison). Every FX pulse checks whether a new fusion pass is on screen. At the session's end
 * one JSON line ({@code -Dattend.bench.replay=FILE.jsonl} replays a recorded run instead, paced by media time, to
 * measure the lab alone): passes received and shown (total and per second of the time fusion passes flowed), FX pulse
 * intervals (p50/p95/max), {@code drop} events by stage, the fusion stage's mean latency.
 */
final class LabBench {

    private LabBench() {
    }

    static void install(MainWindow w) {
        boolean hidden = "hidden".equals(System.getProperty("attend.bench.lab"));
        w.viewModel().setUi(new dev.attend.ui.MainViewModel.Ui() {
            @Override
            public boolean confirm(String title, String message, String okLabel) {
                return true;
            }

            @Override
            public void chooseMediaFileAndStart() {
            }
        });
        Map<String, Long> drops = new TreeMap<>();
        double[] fusionLatency = {0, 0};
        var bridge = w.viewModel().bridge();
        bridge.subscribe(CoreEvents.Drop.class, e -> drops.merge(e.stage() + "/" + e.stream(), e.dropped(), Long::sum));
        bridge.subscribe(CoreEvents.Stats.class, e -> e.stages().stream().filter(s -> s.name().equals("fusion"))
                .forEach(s -> {
                    fusionLatency[0] = Math.max(fusionLatency[0], s.latencyMsMean());
                    fusionLatency[1] = Math.max(fusionLatency[1], s.latencyMsMax());
                }));
        List<Long> pulses = new ArrayList<>();
        long[] state = new long[5]; // last pulse, shown passes, first shown ns, last shown ns, passes at first
        AttentionViewModel.Group[] last = {null};
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpu = {0, 0}; // FX thread CPU ns at the first shown pass, at the last
        long[] recv = {0, 0, -1, 0};
        long[] proc = {0, 0}; // the process's CPU ns at the first and the last received pass // FX CPU ns at the first and last received pass, passes then
        Map<Long, Object[]> threadCpu = new java.util.HashMap<>(); // id → {name, last CPU ns}: ended threads count
        AttendTimer timer = new AttendTimer(now -> {
            if (pulses.size() % 30 == 0) {
                sampleThreads(mx, threadCpu);
            }
            if (state[0] != 0) {
                pulses.add(now - state[0]);
            }
            state[0] = now;
            AttentionViewModel a = w.attention();
            long got = w.viewModel().lab().signals().passes();
            if (got > 0 && recv[2] < 0) {
                recv[0] = mx.getCurrentThreadCpuTime();
                proc[0] = processCpuNs();
                recv[2] = got;
            }
            if (got > recv[3]) {
                recv[1] = mx.getCurrentThreadCpuTime();
                proc[1] = processCpuNs();
                recv[3] = got;
            }
            if (!hidden && a.sources().contains("fusion") && !"fusion".equals(a.sourceProperty().get())) {
                a.sourceProperty().set("fusion");
                a.blockProperty().set("audio → video");
            }
            AttentionViewModel.Group g = a.shownGroup();
            if (!hidden && g != null && g != last[0] && "fusion".equals(g.source())) {
                last[0] = g;
                state[1]++;
                if (state[2] == 0) {
                    state[2] = now;
                    cpu[0] = mx.getCurrentThreadCpuTime();
                }
                state[3] = now;
                cpu[1] = mx.getCurrentThreadCpuTime();
            }
        });
        if (hidden) {
            w.labPane().setVisible(false);
        }
        bridge.subscribe(CoreEvents.SessionEnd.class, e -> {
            timer.stop();
            ObjectNode out = EventJson.mapper().createObjectNode();
            out.put("bench", "lab");
            out.put("lab", hidden ? "hidden" : "fusion maps");
            out.put("input", System.getProperty("attend.bench.replay", "").isBlank() ? "demo clip, live"
                    : "replayed events");
            out.put("mediaSeconds", e.audioSeconds());
            out.put("wallSeconds", e.wallSeconds());
            long received = w.viewModel().lab().signals().passes();
            out.put("passesReceived", received);
            out.put("passesShown", state[1]);
            double span = (state[3] - state[2]) / 1e9;
            out.put("shownPerSecond", span > 0 ? Math.round((state[1] - 1) / span * 100) / 100.0 : 0);
            // the FX thread's CPU per shown pass (everything the window did on it, lab included): what the
            // lab costs whatever else the machine runs; 1000 / that = the passes per second one core allows
            double cpuPerPass = state[1] > 1 ? (cpu[1] - cpu[0]) / 1e6 / (state[1] - 1) : 0;
            out.put("fxCpuMsPerPass", Math.round(cpuPerPass * 100) / 100.0);
            // the same over passes received, shown or not: LAB=hidden gives the window's cost without the lab,
            // so shown − hidden is the lab's own cost per pass
            long n = recv[3] - Math.max(0, recv[2]);
            out.put("fxCpuMsPerPassReceived", n > 0 ? Math.round((recv[1] - recv[0]) / 1e6 / n * 100) / 100.0 : 0);
            out.put("passesPerSecondFxCpuAllows", cpuPerPass > 0 ? Math.round(1000 / cpuPerPass * 10) / 10.0 : 0);
            out.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            List<Long> sorted = pulses.stream().sorted().toList();
            out.put("pulseMsP50", ms(sorted, 0.5));
            out.put("pulseMsP95", ms(sorted, 0.95));
            out.put("pulseMsMax", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            out.set("drops", EventJson.mapper().valueToTree(drops));
            out.put("audioDropped", e.audioDropped());
            out.put("videoDropped", e.videoDropped());
            out.put("fusionLatencyMsMean", fusionLatency[0]);
            out.put("fusionLatencyMsMax", fusionLatency[1]);
            // CPU of the whole process per media second (robust on a shared machine: < 2 is what 2 cores allow
            // for real time), and per thread group (name without its number), the top ones
            double processCpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            out.put("processCpuSeconds", Math.round(processCpu * 100) / 100.0);
            out.put("cpuSecondsPerMediaSecond", e.audioSeconds() > 0
                    ? Math.round(processCpu / e.audioSeconds() * 100) / 100.0 : 0);
            // the same from the first to the last fusion pass (80 ms of media each): the session itself, without
            // the window's start and the assistant's load before it
            long spanPasses = recv[3] - Math.max(0, recv[2]);
            out.put("cpuSecondsPerMediaSecondWhilePlaying", spanPasses > 0
                    ? Math.round((proc[1] - proc[0]) / 1e9 / (spanPasses * 0.08) * 100) / 100.0 : 0);
            out.set("threadCpuSeconds", EventJson.mapper().valueToTree(threadCpu(mx, threadCpu)));
            System.out.println(out);
            System.out.flush();
            Platform.exit();
        });
        timer.start();
        String replay = System.getProperty("attend.bench.replay", "");
        if (!replay.isBlank()) {
            // the lab alone: a recorded live run's events, paced by their media time, through the same bridge
            w.session().replay(java.nio.file.Path.of(replay), true);
            return;
        }
        w.session().sourceProperty().set(SessionRequest.Source.DEMO);
        w.startSession();
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Each live thread's CPU so far (a thread that ends keeps its last sample). */
    private static void sampleThreads(java.lang.management.ThreadMXBean mx, Map<Long, Object[]> seen) {
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            long ns = t == null ? -1 : mx.getThreadCpuTime(t.getThreadId());
            if (ns > 0) {
                seen.put(t.getThreadId(), new Object[] {t.getThreadName(), ns});
            }
        }
    }

    /** CPU seconds per thread group (a thread's name without its trailing number), the 14 largest. */
    private static Map<String, Double> threadCpu(java.lang.management.ThreadMXBean mx, Map<Long, Object[]> seen) {
        sampleThreads(mx, seen);
        Map<String, Double> byGroup = new TreeMap<>();
        for (Object[] t : seen.values()) {
            byGroup.merge(((String) t[0]).replaceAll("[-#]?\\d+$", ""), (Long) t[1] / 1e9, Double::sum);
        }
        Map<String, Double> top = new java.util.LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(14)
                .forEach(en -> top.put(en.getKey(), Math.round(en.getValue() * 100) / 100.0));
        return top;
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return Math.round(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e4) / 100.0;
    }

    /** An AnimationTimer from a lambda. */
    private static final class AttendTimer extends AnimationTimer {
        private final java.util.function.LongConsumer f;

        AttendTimer(java.util.function.LongConsumer f) {
            this.f = f;
        }

        @Override
        public void handle(long now) {
            f.accept(now);
        }
    }
}
