package dev.attend.translate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The {@code apertium} command line, one process per text: what the persistent pipeline must agree with. */
final class ApertiumOracle {

    private ApertiumOracle() {
    }

    /** {@code echo TEXT | apertium PAIR}, without the final newline. */
    static String translate(String pair, String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("apertium", pair).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread writer = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the reader below reports what came out
            }
        });
        writer.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        writer.join();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("apertium " + pair + " failed on: " + text);
        }
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }
}
