package dev.attend.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelInfoTest {

    private static String size(long bytes) {
        return new ModelInfo("m", "en-us", bytes, false, false).sizeText();
    }

    @Test
    void sizesReadInTheUnitThatFits() {
        assertThat(size(0)).isEqualTo("?");
        assertThat(size(1500)).isEqualTo("1.5 KB"); // under 10 KB to a tenth (a 3.7 KB model is not "4 KB")
        assertThat(size(40_000)).isEqualTo("40 KB");
        assertThat(size(41_205_931)).isEqualTo("39 MB");
        assertThat(size(1_932_412_928L)).isEqualTo("1.8 GB");
    }
}
