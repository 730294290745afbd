package dev.attend.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** The raw event stream as stored: JSON Lines, deflated chunk by chunk (JSON events shrink about tenfold). */
final class EventChunks {

    private EventChunks() {
    }

    static byte[] compress(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        byte[] raw = sb.toString().getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buf = new byte[16384];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Calls {@code line} for each line of the chunk, in order. */
    static void decompress(byte[] data, Consumer<String> line) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 8);
            byte[] buf = new byte[65536];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("truncated event chunk"));
                }
                out.write(buf, 0, n);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            int from = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
                line.accept(text.substring(from, i));
                from = i + 1;
            }
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("damaged event chunk: " + e.getMessage(), e));
        } finally {
            inf.end();
        }
    }
}
