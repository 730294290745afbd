package dev.attend.speaker.xvector;

import java.util.List;
import java.util.Map;

/**
 * A Kaldi nnet3 network as read from a binary {@code .raw} file: its config lines (nodes and how they connect) and
 * its components with their parameters.
 *
 * @param config     the text lines before the components ({@code input-node …}, {@code component-node …})
 * @param components by name, in file order
 */
public record Nnet3Model(List<String> config, Map<String, Component> components) {

    /**
     * One component: its Kaldi type and its fields. Values are {@code float[][]} (matrix), {@code float[]} (vector),
     * {@code Boolean}, or {@code byte[]} (a 4- or 8-byte scalar; read it with {@link #intValue}/{@link #floatValue}).
     */
    public record Component(String name, String type, Map<String, Object> fields) {

        public float[][] matrix(String field) {
            return (float[][]) require(field);
        }

        public float[] vector(String field) {
            return (float[]) require(field);
        }

        public int intValue(String field) {
            return java.nio.ByteBuffer.wrap((byte[]) require(field)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        }

        public float floatValue(String field) {
            return java.nio.ByteBuffer.wrap((byte[]) require(field)).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getFloat();
        }

        public boolean flag(String field) {
            return (Boolean) require(field);
        }

        private Object require(String field) {
            Object v = fields.get(field);
            if (v == null) {
                throw new IllegalArgumentException("component " + name + " (" + type + ") has no " + field);
            }
            return v;
        }
    }

    public Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("the network has no component " + name);
        }
        return c;
    }
}
