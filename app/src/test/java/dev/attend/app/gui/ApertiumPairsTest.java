package dev.attend.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.translate.ApertiumInstall;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the Debian packages apertium and apertium-eng-spa (installed by .ci/run). */
class ApertiumPairsTest {

    @Test
    void listsTheInstalledDirectionsWithoutVariantModes() {
        ApertiumPairs pairs = new ApertiumPairs(ApertiumInstall.detect());

        assertThat(pairs.pairs()).contains("eng-spa", "spa-eng").doesNotContain("eng-cat_valencia", "en-eo-bytecode");
        assertThat(pairs.unavailableReason()).isEmpty();
    }

    @Test
    void withoutApertiumSaysWhatToInstall(@TempDir Path empty) {
        ApertiumPairs pairs = new ApertiumPairs(new ApertiumInstall(empty, List.of(empty)));

        assertThat(pairs.pairs()).isEmpty();
        assertThat(pairs.unavailableReason()).isEqualTo("Apertium is not installed: install the Debian package "
                + "apertium and a pair such as apertium-eng-spa");
    }
}
