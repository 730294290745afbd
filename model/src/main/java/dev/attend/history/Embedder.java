package dev.attend.history;

/** Turns a text into a unit-length sentence vector (MiniLM in the app; a fixed table in unit tests). */
public interface Embedder extends AutoCloseable {

    /** Stored with each vector, so vectors of another model are never compared. */
    String model();

    float[] embed(String text);

    @Override
    default void close() {
    }

    /** Loads an embedder when it is first needed (on a worker thread); may throw. */
    @FunctionalInterface
    interface Factory {
        Embedder load() throws Exception;
    }

    /** all-MiniLM-L6-v2 (the bundled text encoder), loaded without attention outputs. */
    static Embedder miniLm() throws java.io.IOException {
        dev.attend.encoders.text.MiniLm m = dev.attend.encoders.text.MiniLm.load(false);
        return new Embedder() {
            @Override
            public String model() {
                return "all-MiniLM-L6-v2";
            }

            @Override
            public float[] embed(String text) {
                return m.embed(text);
            }

            @Override
            public void close() {
                m.close();
            }
        };
    }
}
