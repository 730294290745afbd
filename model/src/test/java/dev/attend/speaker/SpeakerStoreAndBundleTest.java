package dev.attend.speaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attend.models.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerStoreAndBundleTest {

    @TempDir
    Path tmp;

    @Test
    void profilesRoundTripReplaceAndRemove() throws IOException {
        SpeakerProfileStore s = SpeakerProfileStore.inDataDir(tmp);
        assertTrue(s.list().isEmpty());
        s.save(new SpeakerProfile("Ann", new float[]{3, 4}, 4, Instant.parse("2026-12-01T09:00:00Z")));
        s.save(new SpeakerProfile("Bob", new float[]{1, 0}, 2, Instant.EPOCH));
        s.save(new SpeakerProfile("ann", new float[]{0, 2}, 5, Instant.EPOCH));
        assertEquals(2, s.list().size());
        SpeakerProfile ann = s.find("ANN").orElseThrow();
        assertEquals("ann", ann.name());
        assertArrayEquals(new float[]{0, 1}, ann.vector(), 1e-6f, "stored unit length");
        assertEquals(5, ann.utterances());
        assertTrue(s.remove("bob"));
        assertFalse(s.remove("bob"));
        assertEquals(1, s.list().size());
        assertTrue(Files.isRegularFile(tmp.resolve("speakers/profiles.json")));
    }

    @Test
    void theVectorSourceIsStoredAndOldProfilesAreLibvosks() throws IOException {
        SpeakerProfileStore s = SpeakerProfileStore.inDataDir(tmp);
        s.save(new SpeakerProfile("Cy", new float[]{1, 0}, 3, Instant.EPOCH, SpeakerVectorSource.COMPACT));
        assertEquals(SpeakerVectorSource.COMPACT, s.find("cy").orElseThrow().vectors());
        Files.writeString(s.file(), "{\"format\":1,\"profiles\":[{\"name\":\"Old\",\"utterances\":2,"
                + "\"enrolled\":\"2026-12-01T09:00:00Z\",\"vector\":[0.6,0.8]}]}");
        assertEquals(SpeakerVectorSource.VOSK, s.find("old").orElseThrow().vectors(), "before the field existed");
        Files.writeString(s.file(), "{\"format\":1,\"profiles\":[{\"name\":\"X\",\"vectors\":\"ivector\","
                + "\"vector\":[1]}]}");
        IOException e = assertThrows(IOException.class, s::list);
        assertTrue(e.getMessage().contains("unknown speaker-vector source 'ivector'"), e.getMessage());
    }

    @Test
    void aDamagedProfileFileIsReportedNotOverwritten() throws IOException {
        SpeakerProfileStore s = SpeakerProfileStore.inDataDir(tmp);
        Files.createDirectories(s.file().getParent());
        Files.writeString(s.file(), "{not json");
        IOException e = assertThrows(IOException.class, s::list);
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertThrows(IOException.class, () -> s.save(new SpeakerProfile("A", new float[]{1}, 1, Instant.EPOCH)));
        assertEquals("{not json", Files.readString(s.file()));
    }

    @Test
    void badNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpeakerProfile.checkName("  "));
        assertThrows(IllegalArgumentException.class, () -> SpeakerProfile.checkName("a\tb"));
        assertEquals("Ann", SpeakerProfile.checkName("  Ann "));
    }

    @Test
    void bundledModelIsUnpackedVerifiedAndRepaired() throws IOException {
        Path dir = SpeakerModelBundle.materialize(tmp);
        for (var f : SpeakerModelBundle.FILES.entrySet()) {
            assertEquals(f.getValue(), Sha256.of(dir.resolve(f.getKey())), f.getKey());
        }
        Files.writeString(dir.resolve("mean.vec"), "damaged");
        assertFalse(SpeakerModelBundle.isVerified(dir));
        assertEquals(dir, SpeakerModelBundle.materialize(tmp));
        assertEquals(SpeakerModelBundle.FILES.get("mean.vec"), Sha256.of(dir.resolve("mean.vec")));
    }

    @Test
    void anUnwritableCacheFallsBackToATemporaryFolder() throws IOException {
        // a cache "folder" that is a file cannot be written even by root
        Path notADir = Files.writeString(tmp.resolve("cache-is-a-file"), "x");
        Path dir = SpeakerModelBundle.materialize(notADir);
        assertNotEquals(notADir, dir.getParent());
        assertFalse(dir.startsWith(notADir));
        assertTrue(SpeakerModelBundle.isVerified(dir));
    }

    @Test
    void aFolderWithoutTheModelFilesIsNamedInTheError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("spk"));
        SpeakerModelException e = assertThrows(SpeakerModelException.class,
                () -> SpeakerModelBundle.checkFolder(empty));
        assertTrue(e.getMessage().contains("final.ext.raw"), e.getMessage());
    }
}
