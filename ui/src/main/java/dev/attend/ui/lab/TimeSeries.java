package dev.attend.ui.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Points (media time, value) of the last {@code span} seconds; older ones fall off as newer ones arrive. */
public final class TimeSeries {

    /** One point. */
    public record Point(double t, double v) {
    }

    private final double span;
    private final ArrayDeque<Point> points = new ArrayDeque<>();

    public TimeSeries(double span) {
        this.span = span;
    }

    public void add(double t, double v) {
        if (!points.isEmpty() && t < points.peekLast().t() - 1) {
            points.clear(); // media time went back: a new session or a replay
        }
        points.addLast(new Point(t, v));
        while (!points.isEmpty() && points.peekFirst().t() < t - span) {
            points.removeFirst();
        }
    }

    public List<Point> points() {
        return new ArrayList<>(points);
    }

    /** Points with {@code from ≤ t ≤ to}. */
    public List<Point> between(double from, double to) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (p.t() >= from && p.t() <= to) {
                out.add(p);
            }
        }
        return out;
    }

    public double lastTime() {
        return points.isEmpty() ? Double.NaN : points.peekLast().t();
    }

    public void clear() {
        points.clear();
    }
}
