package dev.attend.ui.training;

import dev.attend.training.TrainingJob;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import dev.attend.training.TrainingService;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.shell.Notifications;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and commands of the Training tab: the run's settings, start / pause / stop / resume, progress with ETA,
 * and the charts' data. The job runs on the service's executor; its reports are coalesced onto the UI thread by
 * {@link ReportHandOver} (one hand-over however many steps arrived), so a fast run never floods the UI.
 */
public final class TrainingViewModel {

    /** Where a run stands. */
    public enum State { IDLE, RUNNING, PAUSED, STOPPING, STOPPED, DONE, FAILED }

    private final TrainingService service;
    private final UiTasks tasks;
    private final I18n i18n;
    private final Notifications notices;
    private final Path runsDir;
    private final TrainingCharts charts;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ReportHandOver reports;
    private final RunSettings settings = new RunSettings();
    private static final long CHART_INTERVAL_NS = 400_000_000L;
    private long lastFlush = Long.MIN_VALUE / 2;
    private boolean flushQueued;
    private TrainingJob job;
    private TrainingRequest last;
    /** Who gets the next job's end (the Training tab or calibration). */
    private java.util.function.Consumer<TrainingListener.Result> onResult = r -> { };

    public TrainingViewModel(TrainingService service, UiTasks tasks, I18n i18n, Notifications notices, Path runsDir) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.notices = notices;
        this.runsDir = runsDir;
        this.charts = new TrainingCharts(key -> i18n.get("training.series." + key));
        this.reports = new ReportHandOver(tasks, this::applyAll);
    }

    /** Starts a new run with the current settings (charts are cleared). */
    public void start() {
        TrainingRequest r;
        try {
            r = settings.request(runsDir.resolve("run-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        } catch (IllegalArgumentException e) {
            fail(e);
            return;
        }
        charts.clear();
        launch(r, x -> { });
    }

    /** Continues the last stopped (or failed) run after its last finished epoch; its charts go on. */
    public void resumeRun() {
        if (last != null) {
            launch(last.resumed(), x -> { });
        }
    }

    void launch(TrainingRequest r, java.util.function.Consumer<TrainingListener.Result> then) {
        if (isActive()) {
            return;
        }
        last = r;
        onResult = then;
        try {
            job = service.train(r, listener());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        state.set(State.RUNNING);
        progress.set(0);
        status.set(i18n.get("training.starting"));
    }

    /** Runs a job the caller starts with the listener it is given (calibration). */
    void launchWith(java.util.function.Function<TrainingListener, TrainingJob> starter,
                    java.util.function.Consumer<TrainingListener.Result> then) {
        if (isActive()) {
            return;
        }
        onResult = then;
        charts.clear();
        try {
            job = starter.apply(listener());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        last = null;
        state.set(State.RUNNING);
        progress.set(0);
        status.set(i18n.get("training.starting"));
    }

    public void togglePause() {
        if (job == null) {
            return;
        }
        if (state.get() == State.RUNNING) {
            job.pause();
            state.set(State.PAUSED);
            status.set(i18n.get("training.paused"));
        } else if (state.get() == State.PAUSED) {
            job.resume();
            state.set(State.RUNNING);
        }
    }

    public void stop() {
        if (job != null && isActive()) {
            job.stop();
            state.set(State.STOPPING);
            status.set(i18n.get("training.stopping"));
        }
    }

    public boolean isActive() {
        State s = state.get();
        return s == State.RUNNING || s == State.PAUSED || s == State.STOPPING;
    }

    /** A resumable run exists (stopped or failed after at least its start). */
    public boolean canResume() {
        return last != null && (state.get() == State.STOPPED || state.get() == State.FAILED);
    }

    private TrainingListener listener() {
        return reports.listener();
    }

    /**
     * One hand-over's reports: the chart points of all its steps go in as one update per series, at most every
     * {@link #CHART_INTERVAL_NS} (each update re-lays out four charts and their axes; a step is ~0.5 s anyway).
     */
    private void applyAll(List<Object> batch) {
        for (Object o : batch) {
            apply(o);
        }
        long t = System.nanoTime();
        if (t - lastFlush >= CHART_INTERVAL_NS) {
            flushCharts();
        } else if (!flushQueued) {
            flushQueued = true;
            tasks.later(Math.max(1, (CHART_INTERVAL_NS - (t - lastFlush)) / 1_000_000), () -> {
                flushQueued = false;
                flushCharts();
            });
        }
    }

    private void flushCharts() {
        lastFlush = System.nanoTime();
        charts.flush();
    }

    private void apply(Object o) {
        if (o instanceof TrainingListener.Step s) {
            charts.add(s);
        } else if (o instanceof TrainingListener.Epoch e) {
            charts.add(e);
        } else if (o instanceof TrainingListener.Progress p) {
            progress.set(p.fraction());
            if (state.get() == State.RUNNING) {
                status.set(i18n.get("training.phase." + p.phase()) + " · " + p.detail()
                        + (Double.isFinite(p.etaSeconds()) ? " · " + i18n.get("training.eta", eta(p.etaSeconds())) : ""));
            }
        } else if (o instanceof TrainingListener.Result r) {
            state.set(r.stopped() ? State.STOPPED : State.DONE);
            if (!r.stopped()) {
                progress.set(1);
            }
            status.set(r.stopped() ? i18n.get("training.stopped") : i18n.get("training.done", String.valueOf(r.model())));
            flushCharts();
            onResult.accept(r);
        } else if (o instanceof Throwable t) {
            fail(t);
        }
    }

    private void fail(Throwable t) {
        state.set(last == null && job == null ? State.IDLE : State.FAILED);
        String msg = t.getMessage() == null ? t.toString() : t.getMessage();
        status.set(i18n.get("training.failed", msg));
        notices.error(i18n.get("training.failed", msg), t);
    }

    static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The next run's data, sizes and rates. */
    public RunSettings settings() {
        return settings;
    }

    public TrainingCharts charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    TrainingService service() {
        return service;
    }

    UiTasks tasks() {
        return tasks;
    }

    I18n i18n() {
        return i18n;
    }

    Notifications notices() {
        return notices;
    }
}
