package dev.attend.event;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes each event as one JSON line. Thread-safe; lines from different stages never interleave. Lines are flushed
 * at once when {@code autoFlush} is set (live sessions, stdout piping) and on close otherwise.
 */
public final class JsonLinesEventWriter implements EventSink, Closeable {

    private final Writer out;
    private final boolean autoFlush;
    private final boolean closeUnderlying;
    private long written;

    /** UTF-8 lines to a stream. */
    public JsonLinesEventWriter(OutputStream out, boolean autoFlush, boolean closeUnderlying) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8), autoFlush, closeUnderlying);
    }

    /** Lines to a writer (e.g. the CLI's standard output, already UTF-8). */
    public JsonLinesEventWriter(Writer out, boolean autoFlush, boolean closeUnderlying) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.autoFlush = autoFlush;
        this.closeUnderlying = closeUnderlying;
    }

    @Override
    public synchronized void emit(AttendEvent event) {
        try {
            out.write(EventCodec.encode(event));
            out.write('\n');
            written++;
            if (autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event", e);
        }
    }

    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        out.flush();
        if (closeUnderlying) {
            out.close();
        }
    }
}
