package dev.attend.asr.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model server on 127.0.0.1 (the JDK's own HTTP server): {@code /model-list.json} lists what was added,
 * {@code /models/NAME.zip} serves the archives. It can cut the next transfer after N bytes and ignore Range
 * requests, and records the Range header of every archive request.
 */
final class LocalModelServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<VoskModelInfo> list = new CopyOnWriteArrayList<>();
    private final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    private final AtomicLong cutNextAfter = new AtomicLong(-1);
    private volatile boolean honourRange = true;
    private final AtomicLong stallNextAfter = new AtomicLong(-1);

    LocalModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model-list.json", this::serveList);
        server.createContext("/models/", this::serveFile);
        server.start();
    }

    URI catalogUri() {
        return base().resolve("/model-list.json");
    }

    String url(String name) {
        return base().resolve("/models/" + name + ".zip").toString();
    }

    /** Serves the archive and lists it with its true MD5. */
    VoskModelInfo add(ZippedModel zip) {
        return add(zip, zip.md5());
    }

    /** Serves the archive and lists it with the given MD5 (empty = none published). */
    VoskModelInfo add(ZippedModel zip, String md5) {
        files.put(zip.name() + ".zip", zip.bytes());
        VoskModelInfo info = zip.info(url(zip.name()), md5);
        list.removeIf(i -> i.name().equals(zip.name()));
        list.add(info);
        return info;
    }

    /** The next archive transfer stops after {@code n} body bytes and the connection is dropped. */
    void cutNextTransferAfter(long n) {
        cutNextAfter.set(n);
    }

    /** The next archive transfer sends {@code n} body bytes and then nothing for two seconds. */
    void stallNextTransferAfter(long n) {
        stallNextAfter.set(n);
    }

    /** Whether Range requests get a 206 (true) or the whole file with 200 (false). */
    void honourRange(boolean honour) {
        honourRange = honour;
    }

    /** The Range header of each archive request so far ("" when none was sent). */
    List<String> rangeHeaders() {
        return new ArrayList<>(rangeHeaders);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serveList(HttpExchange ex) throws IOException {
        byte[] body = new ObjectMapper().writeValueAsBytes(list);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private void serveFile(HttpExchange ex) throws IOException {
        String file = ex.getRequestURI().getPath().substring("/models/".length());
        byte[] data = files.get(file);
        String range = ex.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(range == null ? "" : range);
        if (data == null) {
            byte[] msg = "not found".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, msg.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(msg);
            }
            return;
        }
        int start = 0;
        int code = 200;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honourRange && m != null && m.matches()) {
            long from = Long.parseLong(m.group(1));
            if (from >= data.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + data.length);
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            start = (int) from;
            code = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (data.length - 1) + "/"
                    + data.length);
        }
        ex.getResponseHeaders().set("Accept-Ranges", honourRange ? "bytes" : "none");
        int len = data.length - start;
        ex.sendResponseHeaders(code, len);
        long cut = cutNextAfter.getAndSet(-1);
        long stall = stallNextAfter.getAndSet(-1);
        OutputStream os = ex.getResponseBody();
        if (stall >= 0 && stall < len) {
            os.write(data, start, (int) stall);
            os.flush();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("test server: transfer stalled after " + stall + " bytes");
        }
        if (cut >= 0 && cut < len) {
            os.write(data, start, (int) cut);
            os.flush();
            // an exception out of the handler makes the JDK server drop the connection mid-body
            throw new IOException("test server: transfer cut after " + cut + " bytes");
        }
        os.write(data, start, len);
        os.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
