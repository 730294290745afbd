package dev.attend.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Enrolled speaker profiles in {@code <data>/speakers/profiles.json} (never sent anywhere). Writes go to a temporary
 * file moved into place, so a crash never leaves half a file. A file that cannot be read is reported, never
 * overwritten silently. Not thread-safe; one command or one app session edits it at a time.
 */
public final class SpeakerProfileStore {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final int FORMAT = 1;

    private final Path file;

    public SpeakerProfileStore(Path file) {
        this.file = file;
    }

    /** The store in an app data folder. */
    public static SpeakerProfileStore inDataDir(Path dataDir) {
        return new SpeakerProfileStore(dataDir.resolve("speakers").resolve("profiles.json"));
    }

    public Path file() {
        return file;
    }

    /** All profiles, in enrolment order; empty when none were made. */
    public List<SpeakerProfile> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("the speaker profiles in " + file + " cannot be read (" + e.getMessage()
                    + "); fix or delete the file", e);
        }
        List<SpeakerProfile> out = new ArrayList<>();
        JsonNode arr = root.path("profiles");
        if (!arr.isArray()) {
            throw new IOException("the speaker profiles in " + file + " have no 'profiles' list; fix or delete the file");
        }
        for (JsonNode p : arr) {
            JsonNode v = p.path("vector");
            float[] vec = new float[v.size()];
            for (int i = 0; i < vec.length; i++) {
                vec[i] = (float) v.get(i).asDouble();
            }
            try {
                // profiles from before the compact vectors have no "vectors" field: they are libvosk's
                out.add(new SpeakerProfile(p.path("name").asText(""), vec, p.path("utterances").asInt(1),
                        Instant.parse(p.path("enrolled").asText(Instant.EPOCH.toString())),
                        SpeakerVectorSource.parse(p.path("vectors").asText(SpeakerVectorSource.VOSK.id()))));
            } catch (RuntimeException e) {
                throw new IOException("a speaker profile in " + file + " is malformed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public Optional<SpeakerProfile> find(String name) throws IOException {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return list().stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** Adds the profile, replacing one of the same name (case-insensitive). */
    public void save(SpeakerProfile profile) throws IOException {
        List<SpeakerProfile> all = new ArrayList<>(list());
        all.removeIf(p -> p.name().equalsIgnoreCase(profile.name()));
        all.add(profile);
        write(all);
    }

    /** @return whether a profile of that name existed */
    public boolean remove(String name) throws IOException {
        List<SpeakerProfile> all = new ArrayList<>(list());
        boolean removed = all.removeIf(p -> p.name().equalsIgnoreCase(name.strip()));
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(List<SpeakerProfile> all) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", SpeakerModelBundle.NAME);
        ArrayNode arr = root.putArray("profiles");
        for (SpeakerProfile p : all) {
            ObjectNode o = arr.addObject();
            o.put("name", p.name());
            o.put("utterances", p.utterances());
            o.put("enrolled", p.enrolled().toString());
            o.put("vectors", p.vectors().id());
            ArrayNode v = o.putArray("vector");
            for (float x : p.vector()) {
                v.add(x);
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "profiles", ".part");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
