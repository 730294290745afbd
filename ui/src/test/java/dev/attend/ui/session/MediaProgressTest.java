package dev.attend.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.event.CoreEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MediaProgressTest {

    private static CoreEvents.SessionStart start(String pacing, Map<String, Object> source) {
        return new CoreEvents.SessionStart(0, "1", List.of(source), pacing);
    }

    private static CoreEvents.Level level(double t) {
        return new CoreEvents.Level(t, 0.08, -20, -10);
    }

    @Test
    void aFastFileShowsItsShareAndTheTimeLeftAtTheRateSoFar() {
        AtomicLong now = new AtomicLong();
        MediaProgress p = new MediaProgress(now::get);
        p.onStart(start("fast", Map.of("kind", "audio-file", "seconds", 100.0)));
        p.onEvent(level(0.08));
        now.set(2_000_000_000L); // 2 s of wall time for 20 s of media: 10× real time
        p.onEvent(level(20.08));
        p.refresh();
        assertThat(p.durationProperty().get()).isEqualTo(100.0);
        assertThat(p.positionProperty().get()).isEqualTo(20.08);
        assertThat(p.etaProperty().get()).isCloseTo(79.92 / 10, within(1e-9)); // 79.92 s left at 10×
        assertThat(p.activeProperty().get()).isTrue();
        p.onEvent(new CoreEvents.SessionEnd(100, "eof", 100, 0, 0, 0, 10));
        p.refresh();
        assertThat(p.positionProperty().get()).isEqualTo(100.0);
        assertThat(p.etaProperty().get()).isZero();
    }

    @Test
    void noEtaInTheFirstSecondNorForALiveFileAndNoBarForDevices() {
        AtomicLong now = new AtomicLong();
        MediaProgress p = new MediaProgress(now::get);
        p.onStart(start("fast", Map.of("kind", "audio-file", "seconds", 10.0)));
        p.onEvent(level(1));
        now.set(500_000_000L);
        p.onEvent(level(5));
        p.refresh();
        assertThat(p.etaProperty().get()).isNaN();

        p.onStart(start("realtime", Map.of("kind", "video-file", "seconds", 10.0)));
        p.onEvent(level(1));
        now.set(5_000_000_000L);
        p.onEvent(level(4));
        p.refresh();
        assertThat(p.fastProperty().get()).isFalse();
        assertThat(p.etaProperty().get()).isNaN();
        assertThat(p.positionProperty().get()).isEqualTo(4.0);

        p.onStart(start("realtime", Map.of("kind", "microphone")));
        p.refresh();
        assertThat(p.activeProperty().get()).isFalse();
        assertThat(p.durationProperty().get()).isNaN();
    }

    @Test
    void afterASeekTheRateCountsFromWhereTheFileWasOpened() {
        AtomicLong now = new AtomicLong();
        MediaProgress p = new MediaProgress(now::get);
        p.onStart(start("fast", Map.of("kind", "audio-file", "seconds", 60.0)));
        p.seekTo(30);
        assertThat(p.positionProperty().get()).isEqualTo(30.0);
        p.onStart(start("fast", Map.of("kind", "audio-file", "seconds", 60.0)));
        p.refresh();
        assertThat(p.positionProperty().get()).as("no jump back to 0 at the new start").isEqualTo(30.0);
        p.onEvent(level(30.08));
        now.set(2_000_000_000L);
        p.onEvent(level(40.08)); // 10 s of media in 2 s: 5×
        p.refresh();
        assertThat(p.etaProperty().get()).isCloseTo(19.92 / 5, within(1e-9)); // 19.92 s left at 5×
    }

    @Test
    void clockReadsMinutesAndSeconds() {
        assertThat(MediaProgress.clock(0)).isEqualTo("0:00");
        assertThat(MediaProgress.clock(75.9)).isEqualTo("1:15");
        assertThat(MediaProgress.clock(3725)).isEqualTo("1:02:05");
        assertThat(MediaProgress.clock(Double.NaN)).isEqualTo("–:––");
    }
}
