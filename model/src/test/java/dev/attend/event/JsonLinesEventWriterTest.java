package dev.attend.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventWriterTest {

    @Test
    void closingTwiceWritesOnceAndDoesNotFail(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.jsonl");
        JsonLinesEventWriter w = new JsonLinesEventWriter(new FileOutputStream(file.toFile()), false, true);
        w.emit(new CoreEvents.SourceError(1.5, "camera", "gone", false));
        w.close();
        w.close(); // the CLI closes it itself, then try-with-resources again
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"type\":\"source.error\",\"t\":1.5,\"source\":\"camera\",\"message\":\"gone\",\"fatal\":false}");
    }
}
