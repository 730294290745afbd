package dev.attend.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.event.CoreEvents;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import dev.attend.testing.EventCollector;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV files that are valid but unusual, or cut short (issue 18, defects 8, 11 and 12). */
class WavFileFaultsTest {

    @TempDir
    Path dir;

    /** 16 kHz mono 16-bit samples: a ramp, so every sample value is known. */
    static short[] ramp(int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) ((i * 37) % 20000 - 10000);
        }
        return s;
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    static byte[] fmt16k() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16).array();
    }

    /** A WAV with {@code before} chunks ahead of fmt, and a data chunk whose size field says {@code declared}. */
    static byte[] wav(short[] samples, long declared, byte[]... before) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : before) {
            out.writeBytes(c);
        }
        out.writeBytes(chunk("fmt ", fmt16k()));
        ByteBuffer data = ByteBuffer.allocate(8 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) declared);
        for (short v : samples) {
            data.putShort(v);
        }
        out.writeBytes(data.array());
        byte[] all = out.toByteArray();
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(4, all.length - 8);
        return all;
    }

    @Test
    void bigJunkAndListChunksBeforeFmtAreSkipped() throws Exception {
        short[] pcm = ramp(16_000);
        byte[] junk = new byte[16 * 1024];
        byte[] list = new byte[9001]; // odd: padded to an even size
        Path p = Files.write(dir.resolve("junk.wav"), wav(pcm, pcm.length * 2L, chunk("JUNK", junk),
                chunk("LIST", list)));
        float[] got = WavFileSourceTest.samples(WavFileSourceTest.readAll(p));
        assertThat(got).hasSize(pcm.length);
        for (int i = 0; i < pcm.length; i += 997) {
            assertThat(got[i]).isEqualTo(pcm[i] / 32768f);
        }
    }

    static EventCollector run(Path wav) throws Exception {
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).events(events).pacing(Pacing.FAST)
                .statsInterval(Duration.ofHours(1)).build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(30))).isTrue();
        }
        return events;
    }

    @Test
    void aWavCutShortWarnsWithBothDurationsAndReportsTheTrueOne() throws Exception {
        short[] pcm = ramp(40_000); // 2.5 s
        Path p = Files.write(dir.resolve("cut.wav"), wav(pcm, 80_000 * 2L)); // header: 5 s
        EventCollector events = run(p);
        CoreEvents.SessionStart start = events.ofType(CoreEvents.SessionStart.class).get(0);
        assertThat(start.sources().get(0)).containsEntry("seconds", 2.5);
        List<CoreEvents.SourceError> errors = events.ofType(CoreEvents.SourceError.class);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).fatal()).isFalse();
        assertThat(errors.get(0).t()).isEqualTo(2.5);
        assertThat(errors.get(0).message()).isEqualTo("file ends early: 2.500 s of 5.000 s (" + p + ")");
        CoreEvents.SessionEnd end = events.ofType(CoreEvents.SessionEnd.class).get(0);
        assertThat(end.reason()).isEqualTo("eof");
        assertThat(end.audioSeconds()).isEqualTo(2.5);
    }

    @Test
    void aStreamingPlaceholderSizeMeansToTheEndOfTheFile() throws Exception {
        short[] pcm = ramp(40_000);
        Path p = Files.write(dir.resolve("stream.wav"), wav(pcm, 0xFFFFFFF0L));
        EventCollector events = run(p);
        assertThat(events.ofType(CoreEvents.SessionStart.class).get(0).sources().get(0))
                .containsEntry("seconds", 2.5);
        assertThat(events.ofType(CoreEvents.SourceError.class)).isEmpty();
    }

    @Test
    void aFolderAndANamedPipeGetTheirOwnMessages() throws Exception {
        assertThatThrownBy(() -> new WavFileSource(dir).open()).isInstanceOf(SourceException.class)
                .hasMessage("audio file is a folder, not a file: " + dir);
        Path fifo = dir.resolve("pipe.wav");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "no mkfifo");
        assertThatThrownBy(() -> new WavFileSource(fifo).open()).isInstanceOf(SourceException.class)
                .hasMessage("audio file is not a regular file (a named pipe or a device?): " + fifo);
    }
}
