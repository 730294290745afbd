package dev.attend.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class I18nBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyExistsInBothLanguagesAndNoneIsEmpty() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh " + k).isNotBlank());
    }

    @Test
    void switchingLocaleChangesTextAndMissingKeysFailLoudly() {
        I18n i18n = new I18n(I18n.ENGLISH);
        var start = i18n.text("session.start");
        assertThat(start.get()).isEqualTo("Start");
        i18n.localeProperty().set(I18n.fromTag("zh-CN"));
        assertThat(start.get()).isEqualTo("开始");
        assertThat(i18n.get("attention.layerN", 3)).isEqualTo("第 3 层");
        assertThatThrownBy(() -> i18n.get("no.such.key")).hasMessageContaining("no.such.key");
    }
}
