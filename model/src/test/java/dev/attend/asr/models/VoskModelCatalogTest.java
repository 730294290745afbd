package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VoskModelCatalogTest {

    @Test
    void builtInListHasTheSmallModelsOfTheMainLanguages() {
        VoskModelCatalog c = VoskModelCatalog.builtIn();
        assertThat(c.source()).isEqualTo("built-in list");
        for (String lang : new String[] {"en-us", "cn", "de", "fr", "es", "ru", "it", "pt", "ja"}) {
            assertThat(c.recommended(lang)).as(lang).get().satisfies(m -> {
                assertThat(m.isSmall()).isTrue();
                assertThat(m.url()).isEqualTo("https://alphacephei.com/vosk/models/" + m.name() + ".zip");
                assertThat(m.size()).isPositive();
            });
        }
        assertThat(c.find("vosk-model-en-us-0.21")).get().extracting(VoskModelInfo::obsolete).isEqualTo(true);
        assertThat(c.find("vosk-model-small-en-us-0.15")).get().satisfies(m -> {
            assertThat(m.obsolete()).isFalse();
            assertThat(m.langText()).isEqualTo("US English");
            assertThat(m.hasMd5()).isFalse(); // not known exactly: left empty, see docs/models.md
        });
        // what can be verified offline: every entry is HTTPS, and a checksum, where one is ever added, is an MD5
        assertThat(c.models()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.url()).startsWith("https://");
            assertThat(m.md5()).matches("|[0-9a-f]{32}");
        });
    }

    @Test
    void parsesTheOfficialFormatAndIgnoresUnknownFields() throws IOException {
        String json = "[{\"lang\":\"cn\",\"lang_text\":\"Chinese\",\"md5\":\"0123456789ABCDEF0123456789abcdef\","
                + "\"name\":\"vosk-model-small-cn-0.22\",\"obsolete\":\"false\",\"size\":43898754,"
                + "\"size_text\":\"41.9MiB\",\"type\":\"small\",\"url\":\"https://example.invalid/m.zip\","
                + "\"version\":\"0.22\",\"extra\":1},"
                + "{\"lang\":\"cn\",\"name\":\"vosk-model-small-cn-0.3\",\"obsolete\":\"true\",\"type\":\"small\","
                + "\"version\":\"0.3\"}]";
        VoskModelCatalog c = VoskModelCatalog.parse(in(json), "test");
        VoskModelInfo m = c.find("vosk-model-small-cn-0.22").orElseThrow();
        assertThat(m.size()).isEqualTo(43898754L);
        assertThat(m.md5()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(m.hasMd5()).isTrue();
        assertThat(c.find("vosk-model-small-cn-0.3").orElseThrow().obsolete()).isTrue();
        assertThat(c.recommended("cn")).get().extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-cn-0.22");
    }

    @Test
    void badListsGiveClearErrors() {
        assertThatThrownBy(() -> VoskModelCatalog.parse(in("[]"), "x")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> VoskModelCatalog.parse(in("<html>"), "x")).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> VoskModelCatalog.parse(in("[{\"lang\":\"en\"}]"), "x"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(VoskModelCatalog.compareVersions("0.4", "0.15")).isNegative();
        assertThat(VoskModelCatalog.compareVersions("0.22", "0.15")).isPositive();
        assertThat(VoskModelCatalog.compareVersions("0.42", "0.42")).isZero();
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
