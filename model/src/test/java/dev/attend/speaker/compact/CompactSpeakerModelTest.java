package dev.attend.speaker.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactSpeakerModelTest {

    private static byte[] shippedBytes() throws Exception {
        try (InputStream in = CompactSpeakerModel.class.getResourceAsStream(CompactSpeakerModel.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theShippedWeightsLoadWithTheirSha256AndGiveA128dVector() throws Exception {
        assertThat(Sha256.of(shippedBytes())).isEqualTo(CompactSpeakerModel.SHA256);
        float[] tone = new float[16000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 16000.0));
        }
        float[] v = CompactSpeakerModel.shipped().vector(tone, 0, tone.length);
        assertThat(v).hasSize(CompactSpeakerModel.DIM);
        assertThat(CompactSpeakerModel.shipped().vector(new float[16000], 0, 4000)).as("0.25 s: too short").isNull();
    }

    @Test
    void damagedOrMalformedWeightsGiveAClearMessage() throws Exception {
        byte[] data = shippedBytes();
        byte[] flipped = data.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> CompactSpeakerModel.load(flipped, CompactSpeakerModel.SHA256, "w.txt"))
                .isInstanceOf(ModelIntegrityException.class).hasMessageContaining("w.txt are damaged (SHA-256");
        byte[] shortFile = "1 2 3\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CompactSpeakerModels.fromBytes(shortFile, Sha256.of(shortFile)))
                .isInstanceOf(ModelIntegrityException.class).hasMessageContaining("hold 3 numbers, expected");
        byte[] word = "# x\n1 two\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CompactSpeakerModels.fromBytes(word, Sha256.of(word)))
                .isInstanceOf(ModelIntegrityException.class).hasMessageContaining("non-number: two");
    }
}
