package dev.attend.assistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SQLite: timers and notes survive closing and reopening the database. */
class SqliteAssistantStoreTest {

    @TempDir
    Path dir;

    @Test
    void timersAndNotesSurviveAReopen() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        long pasta;
        try (SqliteAssistantStore s = SqliteAssistantStore.open(dir)) {
            pasta = s.create("pasta", Duration.ofMinutes(12), now).id();
            long tea = s.create("tea", Duration.ofMinutes(3), now).id();
            assertThat(s.finish(tea, AssistantTimer.CANCELLED)).isTrue();
            assertThat(s.finish(tea, AssistantTimer.CANCELLED)).isFalse();
            s.add("buy milk", now);
            s.add("call Anna", now.plusSeconds(60));
        }
        try (SqliteAssistantStore s = SqliteAssistantStore.open(dir)) {
            assertThat(s.running()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(pasta);
                assertThat(t.name()).isEqualTo("pasta");
                assertThat(t.due()).isEqualTo(now.plus(Duration.ofMinutes(12)));
                assertThat(t.remaining(now.plusSeconds(60))).isEqualTo(Duration.ofMinutes(11));
            });
            assertThat(s.last()).get().extracting(Note::text).isEqualTo("call Anna");
            assertThat(s.between(now, now.plusSeconds(30))).extracting(Note::text).containsExactly("buy milk");
        }
    }
}
