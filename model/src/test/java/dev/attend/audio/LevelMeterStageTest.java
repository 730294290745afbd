package dev.attend.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.StageContext;
import dev.attend.testing.EventCollector;
import dev.attend.testing.TestStageContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelMeterStageTest {

    private static List<CoreEvents.Level> levels(float[] samples, int chunk) {
        EventCollector events = new EventCollector();
        StageContext ctx = TestStageContext.fast(events);
        LevelMeterStage meter = new LevelMeterStage(0.1);
        AudioChunker chunker = new AudioChunker(chunk, 0);
        chunker.add(samples);
        chunker.flush();
        AudioChunk c;
        while ((c = chunker.poll()) != null) {
            meter.process(c, ctx);
        }
        meter.end(ctx);
        return events.ofType(CoreEvents.Level.class);
    }

    @Test
    void fullScaleSineIsMinusThreeDecibelsRmsAndZeroPeak() {
        // 1 kHz at 16 kHz: a window of 1600 samples holds 100 whole periods, and the peak sample is exactly 1
        List<CoreEvents.Level> l = levels(Spectrum.sine(1000, 16_000, 16_000, 1.0), 1280);
        assertThat(l).hasSize(10);
        assertThat(l).allSatisfy(e -> {
            assertThat(e.rmsDbfs()).isCloseTo(-3.01, within(0.01));
            assertThat(e.peakDbfs()).isCloseTo(0.0, within(0.01));
            assertThat(e.window()).isEqualTo(0.1);
        });
    }

    @Test
    void halfScaleIsMinusSixDecibels() {
        List<CoreEvents.Level> l = levels(Spectrum.sine(500, 16_000, 3200, 0.5), 1280);
        assertThat(l).hasSize(2).allSatisfy(e -> {
            assertThat(e.rmsDbfs()).isCloseTo(-9.03, within(0.01));
            assertThat(e.peakDbfs()).isCloseTo(-6.02, within(0.01));
        });
    }

    @Test
    void silenceIsTheFloor() {
        List<CoreEvents.Level> l = levels(new float[4000], 1000);
        assertThat(l).extracting(CoreEvents.Level::rmsDbfs).containsOnly(LevelMeterStage.FLOOR_DB);
    }

    @Test
    void windowsAreContiguousAndTheLastIsShorter() {
        // 1 s + 250 samples in odd chunks: 10 full windows and one of 250 samples
        List<CoreEvents.Level> l = levels(Spectrum.sine(300, 16_000, 16_250, 0.3), 777);
        assertThat(l).hasSize(11);
        for (int i = 0; i < l.size(); i++) {
            assertThat(l.get(i).t()).isCloseTo(i * 0.1, within(1e-9));
        }
        assertThat(l.get(10).window()).isCloseTo(250 / 16_000.0, within(1e-6));
    }

    @Test
    void pcm16ConversionRoundsAndClips() {
        AudioChunk c = new AudioChunk(0, 0, new float[] {0f, 0.5f, -0.5f, 1f, -1f, 1.5f, -2f, 1 / 32768f}, 0);
        assertThat(c.toPcm16()).containsExactly((short) 0, (short) 16384, (short) -16384, Short.MAX_VALUE,
                Short.MIN_VALUE, Short.MAX_VALUE, Short.MIN_VALUE, (short) 1);
        assertThat(c.toPcm16le()).startsWith((byte) 0, (byte) 0, (byte) 0x00, (byte) 0x40, (byte) 0x00, (byte) 0xC0);
    }
}
