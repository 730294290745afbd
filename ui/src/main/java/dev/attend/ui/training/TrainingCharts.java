package dev.attend.ui.training;

import dev.attend.training.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The data of the Training view's four charts as chart series (UI thread only): total objective per step (one
 * series per phase), each task loss per step, each task's learned weight exp(−sᵢ) per step, and each eval metric per
 * epoch. Points are queued and go into their series at {@link #flush} (once per hand-over from the job, so a
 * batch of steps costs one chart update, not one per step). Long runs are thinned (every other point dropped once
 * a series holds {@link #MAX_POINTS}) so drawing stays cheap however long the run: a LineChart lays out every
 * point of every series on each change, and 25 series × 600 points made each training step's redraw span several
 * pulses; 240 points are still more than a chart's plot area has pixel columns per point pair.
 */
public final class TrainingCharts {

    public static final int MAX_POINTS = 240;
    public static final List<String> TASKS = List.of("sync", "addressee", "intent", "alignment", "contrastive");
    private final ObservableList<XYChart.Series<Number, Number>> total = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> losses = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> weights = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> metrics = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> byKey = new LinkedHashMap<>();
    private final Map<XYChart.Series<Number, Number>, List<XYChart.Data<Number, Number>>> queued =
            new LinkedHashMap<>();
    private final java.util.function.Function<String, String> label;

    /** @param label a series' shown name from its key ({@code total.finetune}, {@code loss.sync}, …) */
    public TrainingCharts(java.util.function.Function<String, String> label) {
        this.label = label;
    }

    public ObservableList<XYChart.Series<Number, Number>> total() {
        return total;
    }

    public ObservableList<XYChart.Series<Number, Number>> losses() {
        return losses;
    }

    public ObservableList<XYChart.Series<Number, Number>> weights() {
        return weights;
    }

    public ObservableList<XYChart.Series<Number, Number>> metrics() {
        return metrics;
    }

    public void clear() {
        total.clear();
        losses.clear();
        weights.clear();
        metrics.clear();
        byKey.clear();
        queued.clear();
    }

    void add(TrainingListener.Step s) {
        add(total, "total." + s.phase(), s.phase(), s.step(), s.total());
        for (var e : s.losses().entrySet()) {
            add(losses, "loss." + e.getKey(), e.getKey(), s.step(), e.getValue());
        }
        if ("finetune".equals(s.phase())) { // the weights only act in the multi-task objective
            for (var e : s.weights().entrySet()) {
                add(weights, "weight." + e.getKey(), e.getKey(), s.step(), e.getValue());
            }
        }
    }

    void add(TrainingListener.Epoch e) {
        for (var m : e.metrics().entrySet()) {
            add(metrics, "metric." + m.getKey(), m.getKey(), e.epoch() + 1, m.getValue());
        }
    }

    private void add(ObservableList<XYChart.Series<Number, Number>> chart, String key, String name, double x,
                     double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        XYChart.Series<Number, Number> s = byKey.computeIfAbsent(key, k -> {
            XYChart.Series<Number, Number> n = new XYChart.Series<>();
            n.setName(label.apply(k));
            chart.add(n);
            return n;
        });
        queued.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(new XYChart.Data<>(x, y));
    }

    /** Puts the queued points into their series: one change per series, thinned when full. */
    void flush() {
        for (var e : queued.entrySet()) {
            ObservableList<XYChart.Data<Number, Number>> d = e.getKey().getData();
            List<XYChart.Data<Number, Number>> add = e.getValue();
            if (d.size() + add.size() <= MAX_POINTS) {
                d.addAll(add);
                continue;
            }
            List<XYChart.Data<Number, Number>> all = new java.util.ArrayList<>(d.size() + add.size());
            for (XYChart.Data<Number, Number> p : d) {
                all.add(new XYChart.Data<>(p.getXValue(), p.getYValue())); // a Data belongs to one chart node
            }
            all.addAll(add);
            while (all.size() > MAX_POINTS) {
                List<XYChart.Data<Number, Number>> keep = new java.util.ArrayList<>(all.size() / 2 + 1);
                for (int i = 0; i < all.size(); i += 2) {
                    keep.add(all.get(i));
                }
                all = keep;
            }
            d.setAll(all);
        }
        queued.clear();
    }

    /** The y values of one series as drawn, oldest first (for tests and the view's summary). */
    public java.util.List<Double> values(String key) {
        XYChart.Series<Number, Number> s = byKey.get(key);
        return s == null ? List.of() : s.getData().stream().map(p -> p.getYValue().doubleValue()).toList();
    }
}
