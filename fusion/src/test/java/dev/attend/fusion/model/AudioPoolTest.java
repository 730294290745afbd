package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AudioPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void configsWithoutTheFieldPoolByTheMeanNewOnesByAttention() throws Exception {
        String old = "{\"dModel\":64,\"heads\":4,\"layers\":2,\"crossLayers\":1,\"ffnDim\":128,\"dropout\":0.1,"
                + "\"audioTokens\":50,\"videoTokens\":50,\"textTokens\":16,\"intents\":[\"time\",\"none\"],"
                + "\"timeCode\":\"relative\"}";
        assertThat(JSON.readValue(old, FusionConfig.class).attentionPool()).isFalse();
        assertThat(FusionConfig.defaults().attentionPool()).isTrue();
        assertThatThrownBy(() -> new FusionConfig(8, 2, 1, 1, 16, 0f, 6, 6, 4, FusionConfig.INTENTS,
                FusionConfig.RELATIVE, "max")).hasMessageContaining("audioPool");
        FusionConfig mean = new FusionConfig(8, 2, 1, 1, 16, 0f, 6, 6, 4, FusionConfig.INTENTS, FusionConfig.RELATIVE,
                FusionConfig.MEAN);
        try (FusionModel m = FusionModel.createInitialized(mean); FusionModel a = FusionModel.createInitialized(
                FusionConfig.tiny())) {
            // the older layout has no pooling queries (so older checkpoints still load); the new one has two
            assertThat(m.net().getParameters().keys()).noneMatch(k -> k.endsWith("query"));
            assertThat(a.net().getParameters().keys()).filteredOn(k -> k.endsWith("query")).hasSize(2);
        }
    }

    @Test
    void aFreshPoolIsTheMaskedMeanAndALearnedOneWeighsTheTokens() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager(FusionModel.ENGINE)) {
            AttentionPool pool = new AttentionPool(2);
            pool.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 2),
                    new ai.djl.ndarray.types.Shape(1, 3));
            NDArray x = m.create(new float[] {1, 0, 3, 2, 100, 100}, new ai.djl.ndarray.types.Shape(1, 3, 2));
            NDArray mask = m.create(new float[] {1, 1, 0}, new ai.djl.ndarray.types.Shape(1, 3));
            NDList out = pool.forward(new ParameterStore(m, false), new NDList(x, mask), false);
            // query 0: uniform over the two real tokens, the padded one gets nothing
            assertThat(out.get(0).toFloatArray()).containsExactly(2f, 1f);
            assertThat(out.get(1).toFloatArray()).containsExactly(0.5f, 0.5f, 0f);
            // query (√2·ln 3, 0): scores x·q/√2 = ln 3 and 3·ln 3 → weights 1 : exp(2·ln 3) = 1 : 9
            pool.getParameters().get("query").getArray().set(new float[] {(float) (Math.sqrt(2) * Math.log(3)), 0});
            float[] w = pool.forward(new ParameterStore(m, false), new NDList(x, mask), false).get(1).toFloatArray();
            assertThat((double) w[1] / w[0]).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-3));
        }
    }
}
