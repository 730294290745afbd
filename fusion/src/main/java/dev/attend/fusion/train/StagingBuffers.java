package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.attend.fusion.model.FusionInputs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffers reused from batch to batch for a training step's Java-made arrays. DJL copies a Java array into a
 * fresh direct buffer that the tensor then reads in place and that only a garbage collection frees; buffers alive at
 * a young collection get promoted and stay until the next full one (minutes), scattered through glibc's heap between
 * libtorch's per-step tensors, so the heap grew in 64 MB steps over a run. Reusing one buffer per input keeps the
 * same bytes in the same tensors (training unchanged) without a per-step allocation.
 *
 * <p>Not thread-safe; a buffer is overwritten by the next batch, so each batch's arrays must be closed (their
 * manager) before the next is staged — as {@link FusionTrainer} does with one sub-manager per step.
 */
final class StagingBuffers {

    private final List<ByteBuffer> buffers = new ArrayList<>();
    private int next;
    private int allocations;

    /** The network's inputs on {@code m}, in {@link FusionInputs#toNDList} order. */
    NDList inputs(NDManager m, FusionInputs in) {
        next = 0;
        Shape[] s = FusionInputs.shapes(in.batch(), in.cfg());
        float[][] data = {in.audio(), in.video(), in.text(), in.audioTime(), in.videoTime(), in.textTime(),
            in.audioMask(), in.videoMask(), in.textMask()};
        NDList list = new NDList(data.length);
        for (int i = 0; i < data.length; i++) {
            list.add(floats(m, data[i], s[i]));
        }
        return list;
    }

    /** The targets on {@code m}, in {@link Targets#toNDList} order; call after {@link #inputs} for the same batch. */
    NDList targets(NDManager m, Targets t) {
        return t.toNDList(new Targets.ArrayMaker() {
            @Override
            public NDArray floats(float[] data, Shape shape) {
                return StagingBuffers.this.floats(m, data, shape);
            }

            @Override
            public NDArray longs(long[] data, Shape shape) {
                ByteBuffer b = buffer(data.length * Long.BYTES);
                b.asLongBuffer().put(data);
                return m.create(b, shape, DataType.INT64);
            }
        });
    }

    private NDArray floats(NDManager m, float[] data, Shape shape) {
        ByteBuffer b = buffer(data.length * Float.BYTES);
        b.asFloatBuffer().put(data);
        return m.create(b, shape, DataType.FLOAT32);
    }

    /** The next buffer of this batch, exactly {@code bytes} long (a batch's sizes repeat, so it is made once). */
    private ByteBuffer buffer(int bytes) {
        int i = next++;
        if (i == buffers.size()) {
            buffers.add(null);
        }
        ByteBuffer b = buffers.get(i);
        if (b == null || b.capacity() != bytes) {
            b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            allocations++;
            buffers.set(i, b);
        }
        b.clear();
        return b;
    }

    /** How many buffers a batch uses. */
    int buffers() {
        return buffers.size();
    }

    /** How many buffers were ever allocated (equal to {@link #buffers} while the batch sizes stay the same). */
    int allocations() {
        return allocations;
    }
}
