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
 * epoch. Long runs are thinned (every other point dropped once a series holds {@link #MAX_POINTS}) so drawing
 * stays cheap however long the run.
 */
public final class TrainingCharts {

    public static final int MAX_POINTS = 600;
    public static final List<String> TASKS = List.of("sync", "addressee", "intent", "alignment", "contrastive");
    private final ObservableList<XYChart.Series<Number, Number>> total = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> losses = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> weights = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> metrics = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> byKey = new LinkedHashMap<>();
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
        ObservableList<XYChart.Data<Number, Number>> d = s.getData();
        if (d.size() >= MAX_POINTS) {
            java.util.List<XYChart.Data<Number, Number>> keep = new java.util.ArrayList<>(d.size() / 2 + 1);
            for (int i = 0; i < d.size(); i += 2) {
                keep.add(new XYChart.Data<>(d.get(i).getXValue(), d.get(i).getYValue()));
            }
            d.setAll(keep);
        }
        d.add(new XYChart.Data<>(x, y));
    }

    /** The y values of one series, oldest first (for tests and the view's summary). */
    public java.util.List<Double> values(String key) {
        XYChart.Series<Number, Number> s = byKey.get(key);
        return s == null ? List.of() : s.getData().stream().map(p -> p.getYValue().doubleValue()).toList();
    }
}
