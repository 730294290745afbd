package dev.attend.ui.shell;

import dev.attend.ui.MainViewModel;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.session.SessionViewModel;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The status bar: speech model, pipeline latency (worst stage mean from {@code stats}), process CPU, drops per
 * stream, and one session state that never contradicts itself (state, and how the last session ended).
 */
public final class StatusBarView extends HBox {

    private final Label cpu = new Label();
    private final Timeline cpuTimer;

    public StatusBarView(MainViewModel vm) {
        super(20);
        I18n i18n = vm.i18n();
        Label model = new Label();
        model.setId("statusModel");
        model.textProperty().bind(Bindings.createStringBinding(() -> vm.modelNameProperty().get().isEmpty()
                ? i18n.get("status.noModel") : "Vosk: " + vm.modelNameProperty().get(),
                vm.modelNameProperty(), i18n.localeProperty()));
        Label latency = new Label();
        latency.textProperty().bind(Bindings.concat(i18n.text("status.latency"), " ",
                vm.assistant().latencyProperty()));
        latency.setId("statusLatency");
        Label drops = new Label();
        drops.setId("statusDrops");
        drops.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.drops",
                vm.assistant().audioDropsProperty().get(), vm.assistant().videoDropsProperty().get()),
                vm.assistant().audioDropsProperty(), vm.assistant().videoDropsProperty(), i18n.localeProperty()));
        Label session = new Label();
        session.setId("statusSession");
        SessionViewModel s = vm.session();
        session.textProperty().bind(Bindings.createStringBinding(() -> sessionText(i18n, s.stateProperty().get(),
                s.endReasonProperty().get()), s.stateProperty(), s.endReasonProperty(), i18n.localeProperty()));
        cpu.setId("statusCpu");
        cpu.setText(i18n.get("status.cpu") + " –");
        getChildren().addAll(model, latency, cpu, drops, session);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        // CPU of this process, sampled once a second (a cheap MXBean read)
        cpuTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> cpu.setText(i18n.get("status.cpu") + " "
                + cpuPercent())));
        cpuTimer.setCycleCount(Timeline.INDEFINITE);
        cpuTimer.play();
    }

    /** "Session: running", "Session: idle — ended (end of file)"; one state, never two. */
    public static String sessionText(I18n i18n, SessionViewModel.State state, String endReason) {
        String st = i18n.get("state." + state.name().toLowerCase(Locale.ROOT));
        String text = i18n.get("status.session") + " " + st;
        if (state == SessionViewModel.State.IDLE && endReason != null && !endReason.isEmpty()) {
            String key = "end." + endReason;
            text += " — " + (i18n.bundle().containsKey(key) ? i18n.get(key) : endReason);
        }
        return text;
    }

    private static String cpuPercent() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getProcessCpuLoad();
            return load < 0 ? "–" : String.format("%.0f%%", load * 100);
        }
        return "–";
    }

    public void stop() {
        cpuTimer.stop();
    }
}
