package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TimeCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void configsWithoutTheFieldAreAbsoluteNewOnesRelative() throws Exception {
        String old = "{\"dModel\":64,\"heads\":4,\"layers\":2,\"crossLayers\":1,\"ffnDim\":128,\"dropout\":0.1,"
                + "\"audioTokens\":50,\"videoTokens\":50,\"textTokens\":16,\"intents\":[\"time\",\"none\"]}";
        assertThat(JSON.readValue(old, FusionConfig.class).relativeTime()).isFalse();
        FusionConfig d = FusionConfig.defaults();
        assertThat(d.relativeTime()).isTrue();
        assertThat(JSON.readValue(JSON.writeValueAsString(d), FusionConfig.class)).isEqualTo(d);
        assertThatThrownBy(() -> new FusionConfig(8, 2, 1, 1, 16, 0f, 6, 6, 4, FusionConfig.INTENTS, "sideways"))
                .hasMessageContaining("relative");
    }
}
