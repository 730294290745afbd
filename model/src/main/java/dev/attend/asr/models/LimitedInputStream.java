package dev.attend.asr.models;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a clear message once more than {@code limit} bytes were read (a list that never ends). */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException(what + " is larger than " + (limit >> 20) + " MiB; that is not a model list");
        }
    }
}
