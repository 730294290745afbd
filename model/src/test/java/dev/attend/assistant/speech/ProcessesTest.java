package dev.attend.assistant.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The temp-file frame the say and SAPI renderers share, driven by a POSIX shell in place of the speech engine. */
class ProcessesTest {

    @Test
    void theEnginesFileIsReturnedAndDeleted() {
        AtomicReference<Path> seen = new AtomicReference<>();
        byte[] audio = Processes.runToTempFile(".aiff", f -> {
            seen.set(f);
            return List.of("sh", "-c", "cat > \"$0\"", f.toString()); // stdin to the file, as say -o f -f - does
        }, "hello 你好", "sh is needed");
        assertThat(new String(audio, StandardCharsets.UTF_8)).isEqualTo("hello 你好");
        assertThat(seen.get().getFileName().toString()).startsWith("attend-reply-").endsWith(".aiff");
        assertThat(Files.exists(seen.get())).isFalse();
    }

    @Test
    void aFailingEngineIsASpeechErrorAndLeavesNoFile() {
        AtomicReference<Path> seen = new AtomicReference<>();
        assertThatThrownBy(() -> Processes.runToTempFile(".wav", f -> {
            seen.set(f);
            return List.of("sh", "-c", "cat > /dev/null; exit 3");
        }, "text", "sh is needed"))
                .isInstanceOf(SpeechException.class).hasMessage("sh failed (exit code 3)");
        assertThat(Files.exists(seen.get())).isFalse();
    }

    @Test
    void aMissingEngineSaysWhatToInstall() {
        assertThatThrownBy(() -> Processes.runToTempFile(".wav", f -> List.of("attend-no-such-engine"), "text",
                "the macOS 'say' command is needed"))
                .isInstanceOf(SpeechException.class)
                .hasMessageStartingWith("cannot start attend-no-such-engine")
                .hasMessageEndingWith("; the macOS 'say' command is needed");
    }
}
