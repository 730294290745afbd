package dev.attend.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.speaker.compact.CompactSpeakerModel;
import org.junit.jupiter.api.Test;

class UtteranceAudioTest {

    private static float[] tone(double seconds) {
        float[] x = new float[(int) (seconds * 16000)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0));
        }
        return x;
    }

    @Test
    void theVectorIsTakenOverTheGivenMediaSpanAndOldAudioBeyondTheCapIsDropped() throws Exception {
        UtteranceAudio audio = new UtteranceAudio(CompactSpeakerModel.shipped());
        audio.reset(10.0);
        audio.append(null, 8000); // 0.5 s of silence, then a 2 s tone from media time 10.5
        audio.append(tone(2.0), 32000);
        assertThat(audio.vector(10.6, 12.4)).hasSize(128);
        assertThat(audio.vector(5.0, 9.0)).as("before the utterance").isNull();
        for (int k = 0; k < 20; k++) { // 20 s more: only the last 16 s are kept
            audio.append(tone(1.0), 16000);
        }
        assertThat(audio.vector(10.6, 12.4)).as("dropped").isNull();
        assertThat(audio.vector(30.0, 32.0)).hasSize(128);
        audio.reset(32.5);
        assertThat(audio.vector(30.0, 32.0)).as("a new utterance forgets the last").isNull();
    }
}
