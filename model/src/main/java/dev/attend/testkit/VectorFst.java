package dev.attend.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A small weighted transducer over the tropical semiring, written in OpenFst's "vector" binary layout with arc
 * type "standard" — the format Kaldi and libvosk read for HCLG.fst, HCLr.fst and Gr.fst. No symbol tables.
 */
public final class VectorFst {

    /** OpenFst's magic number at the start of every binary FST. */
    static final int MAGIC = 2125659606;
    /** kExpanded | kMutable: the only properties we claim; OpenFst computes the rest when it needs them. */
    static final long PROPERTIES = 0x3L;
    static final int FILE_VERSION = 2;

    /** One arc: input label, output label, cost, destination state. */
    public record Arc(int ilabel, int olabel, float weight, int next) {
    }

    private final List<List<Arc>> arcs = new ArrayList<>();
    private final List<Float> finals = new ArrayList<>();
    private int start = -1;

    public int addState() {
        arcs.add(new ArrayList<>());
        finals.add(Float.POSITIVE_INFINITY);
        return arcs.size() - 1;
    }

    public void setStart(int s) {
        checkState(s);
        start = s;
    }

    public void setFinal(int s, float weight) {
        checkState(s);
        finals.set(s, weight);
    }

    public void addArc(int from, int ilabel, int olabel, float weight, int to) {
        checkState(from);
        arcs.get(from).add(new Arc(ilabel, olabel, weight, to));
    }

    public int numStates() {
        return arcs.size();
    }

    public int numArcs() {
        return arcs.stream().mapToInt(List::size).sum();
    }

    public int start() {
        return start;
    }

    public List<Arc> arcs(int s) {
        return List.copyOf(arcs.get(s));
    }

    public float finalWeight(int s) {
        return finals.get(s);
    }

    /** Sorts each state's arcs by input label (what composition with this FST on the left side needs). */
    public void sortByInput() {
        arcs.forEach(a -> a.sort(Comparator.comparingInt(Arc::ilabel).thenComparingInt(Arc::olabel)));
    }

    /** Sorts each state's arcs by output label. */
    public void sortByOutput() {
        arcs.forEach(a -> a.sort(Comparator.comparingInt(Arc::olabel).thenComparingInt(Arc::ilabel)));
    }

    private void checkState(int s) {
        if (s < 0 || s >= arcs.size()) {
            throw new IllegalArgumentException("no state " + s + " (FST has " + arcs.size() + ")");
        }
    }

    /**
     * Checks what libvosk would otherwise trip over (some of it with an abort of the whole process): a start state,
     * arcs to existing states, labels in range, finite non-NaN costs, at least one final state.
     *
     * @throws IllegalStateException naming the first problem found
     */
    public void validate(String name, int maxIlabel, int maxOlabel) {
        if (start < 0) {
            throw new IllegalStateException(name + ": no start state");
        }
        boolean anyFinal = false;
        for (int s = 0; s < arcs.size(); s++) {
            float f = finals.get(s);
            if (Float.isNaN(f) || f == Float.NEGATIVE_INFINITY) {
                throw new IllegalStateException(name + ": state " + s + " has an invalid final cost " + f);
            }
            anyFinal |= f != Float.POSITIVE_INFINITY;
            for (Arc a : arcs.get(s)) {
                if (a.next() < 0 || a.next() >= arcs.size()) {
                    throw new IllegalStateException(name + ": arc from state " + s + " goes to missing state " + a.next());
                }
                if (a.ilabel() < 0 || a.ilabel() > maxIlabel) {
                    throw new IllegalStateException(name + ": input label " + a.ilabel() + " at state " + s
                            + " is outside 0.." + maxIlabel);
                }
                if (a.olabel() < 0 || a.olabel() > maxOlabel) {
                    throw new IllegalStateException(name + ": output label " + a.olabel() + " at state " + s
                            + " is outside 0.." + maxOlabel);
                }
                if (!Float.isFinite(a.weight())) {
                    throw new IllegalStateException(name + ": arc from state " + s + " has a non-finite cost");
                }
            }
        }
        if (!anyFinal) {
            throw new IllegalStateException(name + ": no final state");
        }
    }

    /** The OpenFst vector binary form (little-endian). */
    public byte[] toBinary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = le(4 + 4 + 6 + 4 + 8 + 4 + 4 + 8 + 8 + 8 + 8);
        head.putInt(MAGIC);
        putString(head, "vector");
        putString(head, "standard");
        head.putInt(FILE_VERSION).putInt(0).putLong(PROPERTIES).putLong(start).putLong(numStates()).putLong(numArcs());
        out.write(head.array(), 0, head.position());
        for (int s = 0; s < arcs.size(); s++) {
            List<Arc> list = arcs.get(s);
            ByteBuffer b = le(4 + 8 + 16 * list.size());
            b.putFloat(finals.get(s)).putLong(list.size());
            for (Arc a : list) {
                b.putInt(a.ilabel()).putInt(a.olabel()).putFloat(a.weight()).putInt(a.next());
            }
            out.write(b.array(), 0, b.position());
        }
        return out.toByteArray();
    }

    public void write(Path file) throws IOException {
        Files.write(file, toBinary());
    }

    /** AT&T text form as fstprint writes it (for humans and diffs). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < arcs.size(); s++) {
            for (Arc a : arcs.get(s)) {
                sb.append(String.format(Locale.ROOT, "%d\t%d\t%d\t%d\t%s%n", s, a.next(), a.ilabel(), a.olabel(),
                        num(a.weight())));
            }
        }
        for (int s = 0; s < arcs.size(); s++) {
            if (finals.get(s) != Float.POSITIVE_INFINITY) {
                sb.append(String.format(Locale.ROOT, "%d\t%s%n", s, num(finals.get(s))));
            }
        }
        return sb.toString();
    }

    private static String num(float w) {
        return w == Math.rint(w) ? Integer.toString((int) w) : Float.toString(w);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size + 16).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        b.putInt(bytes.length).put(bytes);
    }
}
