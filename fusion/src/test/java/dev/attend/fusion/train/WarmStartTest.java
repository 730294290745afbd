package dev.attend.fusion.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmStartTest {

    @TempDir
    Path tmp;

    @Test
    void aCheckpointWithoutSlotHeadsSeedsEverythingButThem() throws Exception {
        FusionConfig t = FusionConfig.tiny();
        FusionConfig noSlots = new FusionConfig(t.dModel(), t.heads(), t.layers(), t.crossLayers(), t.ffnDim(),
                t.dropout(), t.audioTokens(), t.videoTokens(), t.textTokens(), t.intents(), t.timeCode(), t.audioPool(),
                false);
        Path dir = tmp.resolve("old");
        try (FusionModel old = FusionModel.createInitialized(noSlots)) {
            old.save(dir);
        }
        try (FusionModel old = FusionModel.load(dir); FusionModel m = FusionModel.create(t)) {
            assertThat(m.net().slotIndex()).isPositive();
            WarmStart.copy(dir, m, FusionInputs.shapes(2, t));
            var src = old.net().getParameters();
            int same = 0;
            for (var e : m.net().getParameters()) {
                float[] now = e.getValue().getArray().toFloatArray();
                if (e.getKey().contains("slotHead")) {
                    assertThat(src.get(e.getKey())).isNull();
                    assertThat(now).as(e.getKey()).isNotEmpty();
                } else {
                    assertThat(now).as(e.getKey()).containsExactly(src.get(e.getKey()).getArray().toFloatArray());
                    same++;
                }
            }
            assertThat(same).isEqualTo(src.size());
        }
    }

    @Test
    void aFolderOfAnotherSizeIsRefused() throws Exception {
        Path dir = tmp.resolve("wide");
        FusionConfig t = FusionConfig.tiny();
        try (FusionModel other = FusionModel.createInitialized(new FusionConfig(12, 2, 1, 1, 16, 0f, 6, 6, 4,
                FusionConfig.INTENTS))) {
            other.save(dir);
        }
        try (FusionModel m = FusionModel.create(t)) {
            assertThatThrownBy(() -> WarmStart.copy(dir, m, FusionInputs.shapes(2, t))).isInstanceOf(IOException.class)
                    .hasMessageContaining("does not fit").hasMessageContaining("shape");
        }
    }
}
