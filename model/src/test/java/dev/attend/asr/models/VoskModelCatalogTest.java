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
            // cross-checked public values (docs/models.md): the archive's exact size, SHA-256 and the list's MD5
            assertThat(m.size()).isEqualTo(41_205_931L);
            assertThat(m.sha256()).isEqualTo("30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498");
            assertThat(m.md5()).isEqualTo("09ab50ccd62b674cbaa231b825f9c1cb");
        });
        assertThat(c.find("vosk-model-small-cn-0.22").orElseThrow().sha256())
                .isEqualTo("3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba");
        // no two projects agree on these yet: they stay without a checksum rather than with an invented one
        assertThat(c.find("vosk-model-en-us-0.22").orElseThrow().hasChecksum()).isFalse();
        assertThat(c.find("vosk-model-spk-0.4").orElseThrow().hasChecksum()).isFalse();
        assertThat(c.models()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.url()).startsWith("https://");
            assertThat(m.md5()).matches("|[0-9a-f]{32}");
            assertThat(m.sha256()).matches("|[0-9a-f]{64}");
        });
        // a checksummed entry's size is checked byte for byte, so it must be the exact count, never a rounded
        // guess from size_text (those are whole multiples of 1 KiB)
        assertThat(c.models().stream().filter(VoskModelInfo::hasChecksum))
                .hasSizeGreaterThanOrEqualTo(20).allSatisfy(m -> assertThat(m.size() % 1024).as(m.name()).isNotZero());
    }

    @Test
    void aRefreshedListKeepsTheBuiltInSha256OnlyForTheSameArchive() throws IOException {
        String url = "https://alphacephei.com/vosk/models/vosk-model-small-de-0.15.zip";
        String entry = "{\"name\":\"vosk-model-small-de-0.15\",\"lang\":\"de\",\"md5\":"
                + "\"4f21f92c0897b48287ef8839420608eb\",\"type\":\"small\",\"version\":\"0.15\",";
        VoskModelCatalog same = VoskModelCatalog.parse(in("[" + entry + "\"size\":46499967,\"url\":\"" + url
                + "\"}]"), "refreshed").withPinnedDigests(VoskModelCatalog.builtIn());
        assertThat(same.find("vosk-model-small-de-0.15").orElseThrow().sha256())
                .isEqualTo("b7e53c90b1f0a38456f4cd62b366ecd58803cd97cd42b06438e2c131713d5e43");
        // re-published with another size, or moved: only the fresh list's own MD5 is trusted
        VoskModelCatalog resized = VoskModelCatalog.parse(in("[" + entry + "\"size\":46500000,\"url\":\"" + url
                + "\"}]"), "refreshed").withPinnedDigests(VoskModelCatalog.builtIn());
        assertThat(resized.find("vosk-model-small-de-0.15").orElseThrow().hasSha256()).isFalse();
        VoskModelCatalog moved = VoskModelCatalog.parse(in("[" + entry + "\"size\":46499967,\"url\":"
                + "\"https://mirror.invalid/de.zip\"}]"), "refreshed").withPinnedDigests(VoskModelCatalog.builtIn());
        assertThat(moved.find("vosk-model-small-de-0.15").orElseThrow().hasSha256()).isFalse();
    }

    @Test
    void aCachedListIsWrittenInTheOfficialFormatWithoutAnEmptySha256() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("catalog");
        try {
            java.nio.file.Path file = dir.resolve("list.json");
            VoskModelCatalog.parse(in("[{\"name\":\"m\",\"md5\":\"\"}]"), "x").write(file);
            assertThat(java.nio.file.Files.readString(file)).contains("\"md5\"").doesNotContain("sha256");
        } finally {
            VoskModelManager.deleteTree(dir);
        }
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
