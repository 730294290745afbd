package dev.attend.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEverySetting() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.json"));
        Settings s = new Settings("devices", "USB Mic", "0", "de", "eng-cat", "hey_jarvis", 0.7, 0.4, "dark",
                "zh-CN", 22, new Settings.WindowState(10, 20, 1200, 800, true));
        store.save(s);
        assertThat(new SettingsStore(dir.resolve("cfg/settings.json")).load()).isEqualTo(s);
    }

    @Test
    void missingFileGivesDefaultsAndBrokenFileIsKeptAside() throws Exception {
        Path f = dir.resolve("settings.json");
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
        Files.writeString(f, "{ not json");
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
        assertThat(dir.resolve("settings.json.bad")).hasContent("{ not json");
    }

    @Test
    void outOfRangeValuesFallBackToDefaults() throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"theme\":\"neon\",\"captionFontSize\":500,\"wakeThreshold\":3,\"extra\":1}");
        Settings s = new SettingsStore(f).load();
        assertThat(s.theme()).isEqualTo("light");
        assertThat(s.captionFontSize()).isEqualTo(16);
        assertThat(s.wakeThreshold()).isEqualTo(0.5);
    }
}
