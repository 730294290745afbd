package dev.attend.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirsTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxDefaultsFollowXdg() {
        AppDirs d = AppDirs.resolve("Linux", HOME, Map.of(), null, null);
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/attend"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/attend"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/.cache/attend"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ada/.local/share/attend/logs"));
        assertThat(d.models()).isEqualTo(Path.of("/home/ada/.local/share/attend/models"));
        assertThat(d.settingsFile()).isEqualTo(Path.of("/home/ada/.config/attend/settings.json"));
    }

    @Test
    void linuxHonoursXdgVariables() {
        AppDirs d = AppDirs.resolve("Linux", HOME, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data",
                "XDG_CACHE_HOME", "/var/cache/ada"), null, null);
        assertThat(d.config()).isEqualTo(Path.of("/cfg/attend"));
        assertThat(d.data()).isEqualTo(Path.of("/data/attend"));
        assertThat(d.cache()).isEqualTo(Path.of("/var/cache/ada/attend"));
    }

    @Test
    void linuxIgnoresRelativeAndEmptyXdgVariables() {
        AppDirs d = AppDirs.resolve("Linux", HOME, Map.of("XDG_CONFIG_HOME", "relative/cfg", "XDG_DATA_HOME", "",
                "XDG_CACHE_HOME", "  "), null, null);
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/attend"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/attend"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/.cache/attend"));
    }

    @Test
    void windowsUsesAppDataAndLocalAppData() {
        // Path here is the build machine's; only the structure matters
        Path roaming = Path.of("/C/Users/ada/AppData/Roaming");
        Path local = Path.of("/C/Users/ada/AppData/Local");
        AppDirs d = AppDirs.resolve("Windows 11", HOME, Map.of("APPDATA", roaming.toString(),
                "LOCALAPPDATA", local.toString()), null, null);
        assertThat(d.config()).isEqualTo(roaming.resolve("Attend"));
        assertThat(d.data()).isEqualTo(local.resolve("Attend"));
        assertThat(d.cache()).isEqualTo(local.resolve("Attend").resolve("cache"));
        assertThat(d.logs()).isEqualTo(local.resolve("Attend").resolve("logs"));
    }

    @Test
    void windowsWithoutVariablesFallsBackToTheProfile() {
        AppDirs d = AppDirs.resolve("Windows 10", HOME, Map.of(), null, null);
        assertThat(d.config()).isEqualTo(HOME.resolve("AppData/Roaming/Attend"));
        assertThat(d.data()).isEqualTo(HOME.resolve("AppData/Local/Attend"));
    }

    @Test
    void macOsUsesLibrary() {
        AppDirs d = AppDirs.resolve("Mac OS X", HOME, Map.of("XDG_CONFIG_HOME", "/ignored"), null, null);
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/Library/Application Support/Attend"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/Library/Application Support/Attend"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/Library/Caches/Attend"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ada/Library/Application Support/Attend/logs"));
    }

    @Test
    void flagsOverrideEverything() {
        AppDirs d = AppDirs.resolve("Linux", HOME, Map.of("ATTEND_CONFIG_DIR", "/env/cfg", "ATTEND_DATA_DIR",
                "/env/data"), Path.of("/flag/cfg"), Path.of("/flag/data"));
        assertThat(d.config()).isEqualTo(Path.of("/flag/cfg"));
        assertThat(d.data()).isEqualTo(Path.of("/flag/data"));
        assertThat(d.cache()).isEqualTo(Path.of("/flag/data/cache"));
        assertThat(d.logs()).isEqualTo(Path.of("/flag/data/logs"));
    }

    @Test
    void environmentOverridesDefaults() {
        AppDirs d = AppDirs.resolve("Windows 11", HOME, Map.of("ATTEND_CONFIG_DIR", "/env/cfg", "ATTEND_DATA_DIR",
                "/env/data"), null, null);
        assertThat(d.config()).isEqualTo(Path.of("/env/cfg"));
        assertThat(d.data()).isEqualTo(Path.of("/env/data"));
    }

    @Test
    void relativeFlagsBecomeAbsolute() {
        AppDirs d = AppDirs.resolve("Linux", HOME, Map.of(), Path.of("cfg"), Path.of("data"));
        assertThat(d.config()).isEqualTo(Path.of("cfg").toAbsolutePath());
        assertThat(d.data()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void ensureExistCreatesEveryFolder(@TempDir Path tmp) throws Exception {
        AppDirs d = AppDirs.resolve("Linux", tmp, Map.of(), null, null).ensureExist();
        assertThat(d.config()).isDirectory();
        assertThat(d.data()).isDirectory();
        assertThat(d.cache()).isDirectory();
        assertThat(d.logs()).isDirectory();
        assertThat(Files.isDirectory(tmp.resolve(".local/share/attend/logs"))).isTrue();
    }
}
