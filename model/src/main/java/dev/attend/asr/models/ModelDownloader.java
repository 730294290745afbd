package dev.attend.asr.models;

import dev.attend.concurrent.TaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file into a {@code .part} file, resuming with an HTTP Range request when a part is already there.
 * A server that answers a Range request with the whole file (200) makes the download start again from zero; a 206
 * whose range does not start where the part ends is not trusted either. The part survives failures and cancels so
 * the next call resumes; the caller verifies the finished file (MD5) and renames it.
 */
public final class ModelDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");

    /** A connection that delivers nothing for this long is dropped (the part stays for resuming). */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    /** A server that accepted the connection but sends no response headers for this long is given up on. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Duration stallTimeout;
    private final TaskExecutor tasks;
    private final Duration headerTimeout;

    public ModelDownloader(HttpClient http) {
        this(http, DEFAULT_STALL_TIMEOUT);
    }

    public ModelDownloader(HttpClient http, Duration stallTimeout) {
        this(http, stallTimeout, DEFAULT_HEADER_TIMEOUT, null);
    }

    /**
     * @param tasks runs the stall watch: the app's executor; null = a small one of this downloader's own for each
     *              download (shut down when it ends)
     */
    public ModelDownloader(HttpClient http, Duration stallTimeout, TaskExecutor tasks) {
        this(http, stallTimeout, DEFAULT_HEADER_TIMEOUT, tasks);
    }

    public ModelDownloader(HttpClient http, Duration stallTimeout, Duration headerTimeout) {
        this(http, stallTimeout, headerTimeout, null);
    }

    /** @param headerTimeout how long to wait for the server's answer (status and headers) */
    public ModelDownloader(HttpClient http, Duration stallTimeout, Duration headerTimeout, TaskExecutor tasks) {
        this.http = http;
        this.stallTimeout = stallTimeout;
        this.headerTimeout = headerTimeout;
        this.tasks = tasks;
    }

    /**
     * Refuses plain HTTP (a model or list could be swapped on the way) unless the user allowed it; a server on this
     * machine (loopback: a local mirror, the tests) is not on the way of anyone.
     */
    public static void requireHttps(URI url, boolean allowHttp) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && (allowHttp || isLoopback(url)))) {
            return;
        }
        throw new IOException(scheme.equals("http")
                ? "refusing plain HTTP for " + url + ": use an https:// address, or pass --allow-http if you trust "
                        + "the network between you and that server"
                : "unsupported address " + url + " (https:// expected)");
    }

    static boolean isLoopback(URI url) {
        String h = url.getHost();
        return h != null && (h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1"));
    }

    /**
     * Sends a request with the header timeout, answering a {@link Cancellation} at once (also while waiting for the
     * server's first byte: Ctrl+C or SIGTERM must not wait for a server that never answers).
     */
    static HttpResponse<InputStream> send(HttpClient http, HttpRequest request, Cancellation cancel)
            throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> f =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        if (cancel != null) {
            cancel.attach(() -> f.cancel(true));
        }
        try {
            return f.get();
        } catch (java.util.concurrent.CancellationException e) {
            throw new DownloadCancelledException("download of " + request.uri() + " was cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            if (cancel != null && cancel.isCancelled()) { // the client may report our cancel as an IOException
                throw new DownloadCancelledException("download of " + request.uri() + " was cancelled");
            }
            Throwable c = e.getCause();
            if (c instanceof java.net.http.HttpTimeoutException t) {
                throw new IOException("no answer within " + request.timeout().map(Duration::toSeconds).orElse(0L)
                        + " s (" + t.getMessage() + ")", t);
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c == null ? e.toString() : c.toString(), c);
        } finally {
            if (cancel != null) {
                cancel.detach();
            }
        }
    }

    /** An HTTP client for model downloads: redirects followed (never https → http), 20 s connect timeout. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    /**
     * Downloads {@code url} into {@code part} (created or resumed).
     *
     * @return true when the transfer resumed an existing part, false when it started from zero
     * @throws DownloadCancelledException when {@code cancel} was flipped; the part is kept
     * @throws IOException                on HTTP errors or a cut connection; the part is kept for resuming
     */
    public boolean download(URI url, Path part, InstallListener listener, Cancellation cancel) throws IOException {
        Files.createDirectories(part.toAbsolutePath().getParent());
        // at most one restart: after a server ignored or garbled our Range request
        for (int attempt = 0; ; attempt++) {
            cancel.check("download of " + url);
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            HttpRequest.Builder req = HttpRequest.newBuilder(url).GET().timeout(headerTimeout);
            if (have > 0) {
                req.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> resp = send(url, req.build(), cancel);
            int code = resp.statusCode();
            try (InputStream body = resp.body()) {
                if (code == 206 && have > 0) {
                    long[] range = contentRange(resp);
                    if (range == null || range[0] != have) {
                        LOG.warn("{}: server sent range {} for a request from byte {}; downloading again from zero",
                                url, resp.headers().firstValue("Content-Range").orElse("(none)"), have);
                        restart(part, attempt, url);
                        continue;
                    }
                    copy(body, part, true, have, range[2], listener, cancel, url);
                    return true;
                }
                if (code == 200) {
                    if (have > 0) {
                        LOG.info("{}: server does not resume (ignored Range); downloading again from zero", url);
                    }
                    long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
                    copy(body, part, false, 0, total, listener, cancel, url);
                    return false;
                }
                if (code == 416 && have > 0) {
                    Optional<String> cr = resp.headers().firstValue("Content-Range");
                    Matcher m = cr.map(UNSATISFIED_RANGE::matcher).orElse(null);
                    if (m != null && m.matches() && Long.parseLong(m.group(1)) == have) {
                        listener.onProgress(new DownloadProgress(have, have, 0, have));
                        return true; // the part is already the whole file
                    }
                    restart(part, attempt, url);
                    continue;
                }
                throw new IOException("download of " + url + " failed: the server answered HTTP " + code);
            }
        }
    }

    private HttpResponse<InputStream> send(URI url, HttpRequest request, Cancellation cancel) throws IOException {
        try {
            return send(http, request, cancel);
        } catch (DownloadCancelledException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException("download of " + url + " was interrupted");
        } catch (IOException e) {
            throw new IOException("download of " + url + " failed: " + describe(e), e);
        }
    }

    private static void restart(Path part, int attempt, URI url) throws IOException {
        Files.deleteIfExists(part);
        if (attempt > 0) {
            throw new IOException("download of " + url + " failed: the server's answers to a resumed download are "
                    + "inconsistent; try again later");
        }
    }

    /** {start, end, total(-1 = unknown)} from a 206's Content-Range, or null when absent or malformed. */
    private static long[] contentRange(HttpResponse<?> resp) {
        Optional<String> v = resp.headers().firstValue("Content-Range");
        if (v.isEmpty()) {
            return null;
        }
        Matcher m = CONTENT_RANGE.matcher(v.get().trim());
        if (!m.matches()) {
            return null;
        }
        long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total};
    }

    private void copy(InputStream body, Path part, boolean append, long start, long total,
                             InstallListener listener, Cancellation cancel, URI url) throws IOException {
        long done = start;
        long t0 = System.nanoTime();
        cancel.attach(body);
        DownloadStallWatch watch = new DownloadStallWatch(body, stallTimeout, tasks);
        try (watch; OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            listener.onProgress(new DownloadProgress(done, total, 0, start));
            while (true) {
                int n;
                try {
                    n = body.read(buf);
                } catch (IOException e) {
                    cancel.check("download of " + url);
                    if (watch.stalled()) {
                        throw new IOException("download of " + url + " stalled: no data for "
                                + stallTimeout.toSeconds() + " s after " + done + " bytes; run the same command "
                                + "again to resume", e);
                    }
                    throw new IOException("download of " + url + " was cut after " + done
                            + (total >= 0 ? " of " + total : "") + " bytes (" + describe(e)
                            + "); run the same command again to resume", e);
                }
                if (n < 0) {
                    break;
                }
                watch.alive();
                out.write(buf, 0, n);
                done += n;
                double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
                listener.onProgress(new DownloadProgress(done, total, (done - start) / secs, start));
                cancel.check("download of " + url);
            }
        } finally {
            cancel.detach();
        }
        cancel.check("download of " + url);
        if (total >= 0 && done != total) {
            throw new IOException("download of " + url + " ended after " + done + " of " + total
                    + " bytes; run the same command again to resume");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
