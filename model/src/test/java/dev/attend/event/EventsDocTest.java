package dev.attend.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is the schema's one human source: every registered event type has a {@code ### `type`} section
 * whose field table names exactly the record's JSON fields, and every example line there decodes to that type.
 */
class EventsDocTest {

    private static final Pattern SECTION = Pattern.compile("^### `([^`]+)`.*");
    private static final Pattern INLINE_EXAMPLE = Pattern.compile("`(\\{\"type\"[^`]*)`");
    private static final Pattern FIELD_CELL = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)[^`]*`");

    private record Section(String type, List<String> examples, Set<String> fields) {
    }

    private static Map<String, Section> sections;

    @BeforeAll
    static void read() throws IOException {
        sections = parse(Files.readAllLines(eventsMd(), StandardCharsets.UTF_8));
    }

    static Path eventsMd() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs").resolve("events.md");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/events.md not found above " + Path.of("").toAbsolutePath());
    }

    static Map<String, Section> parse(List<String> lines) {
        Map<String, Section> out = new LinkedHashMap<>();
        String type = null;
        StringBuilder prose = new StringBuilder();
        List<String> examples = new ArrayList<>();
        Set<String> fields = new TreeSet<>();
        boolean inFence = false;
        boolean inTable = false;
        StringBuilder fence = new StringBuilder();
        for (String line : append(lines, "## end")) {
            if (line.startsWith("```")) {
                if (inFence && type != null) {
                    examples.add(fence.toString());
                }
                inFence = !inFence;
                fence.setLength(0);
                continue;
            }
            if (inFence) {
                fence.append(line.trim());
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches() || line.startsWith("## ") || line.startsWith("# ")) {
                if (type != null) {
                    Matcher m = INLINE_EXAMPLE.matcher(prose);
                    while (m.find()) {
                        examples.add(m.group(1).replace("\n", ""));
                    }
                    out.put(type, new Section(type, List.copyOf(examples), Set.copyOf(fields)));
                }
                type = section.matches() ? section.group(1) : null;
                prose.setLength(0);
                examples.clear();
                fields.clear();
                inTable = false;
                continue;
            }
            if (line.startsWith("| field |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|")) {
                String cell = line.split("\\|")[1];
                Matcher m = FIELD_CELL.matcher(cell);
                while (m.find()) {
                    fields.add(m.group(1));
                }
            } else {
                inTable = false;
                prose.append(line).append('\n');
            }
        }
        return out;
    }

    private static List<String> append(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }

    /** The JSON fields an event record writes, {@code type} and {@code t} left out. */
    static Set<String> jsonFields(Class<?> type) {
        ObjectMapper m = EventCodec.mapper();
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition p : m.getSerializationConfig().introspect(m.constructType(type))
                .findProperties()) {
            if (p.couldSerialize()) {
                names.add(p.getName());
            }
        }
        names.remove("type");
        names.remove("t");
        return names;
    }

    @Test
    void everyRegisteredTypeHasASectionWithItsFields() {
        for (Map.Entry<String, Class<? extends AttendEvent>> e : EventCodec.types().entrySet()) {
            Section s = sections.get(e.getKey());
            if (s == null) {
                fail("docs/events.md has no section \"### `%s`\" for %s", e.getKey(), e.getValue().getName());
            }
            Set<String> documented = new TreeSet<>(s.fields());
            documented.remove("t");
            assertThat(documented).as("fields in the table of `%s` in docs/events.md", e.getKey())
                    .isEqualTo(jsonFields(e.getValue()));
        }
    }

    @Test
    void everySectionIsARegisteredTypeAndEveryExampleDecodesToIt() {
        int examples = 0;
        for (Section s : sections.values()) {
            assertThat(EventCodec.types()).as("event types in the code").containsKey(s.type());
            for (String json : s.examples()) {
                AttendEvent e;
                try {
                    e = EventCodec.decode(json);
                } catch (EventFormatException ex) {
                    throw new AssertionError("example of `" + s.type() + "` does not decode: " + ex.getMessage()
                            + "\n" + json, ex);
                }
                assertThat(e).as(json).isInstanceOf(EventCodec.types().get(s.type()));
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(sections.size());
    }

    @Test
    void everySectionHasAnExampleNamingOnlyTheRecordsFields() throws IOException {
        ObjectMapper m = new ObjectMapper();
        for (Section s : sections.values()) {
            assertThat(s.examples()).as("example lines of `%s` in docs/events.md", s.type()).isNotEmpty();
            Set<String> known = new TreeSet<>(jsonFields(EventCodec.types().get(s.type())));
            known.add("type");
            known.add("t");
            for (String json : s.examples()) {
                Set<String> keys = new TreeSet<>();
                m.readTree(json).fieldNames().forEachRemaining(keys::add);
                // the codec ignores unknown fields (newer files still replay), so a misspelt one would decode
                assertThat(known).as("fields of the `%s` example %s", s.type(), json).containsAll(keys);
            }
        }
    }

    @Test
    void theParserFindsInlineAndFencedExamplesAndTableFields() {
        Map<String, Section> s = parse(List.of("### `wake`", "A wake word.",
                "`{\"type\":\"wake\",\"t\":3.2,", "\"model\":\"alexa\"}` then", "", "| field | meaning |",
                "|---|---|", "| `model` | name |", "| `score`, `threshold` | x |", "", "### `face`", "```json",
                "{\"type\":\"face\",", " \"faces\":[]}", "```", "| field | meaning |", "| `faces[].track` | id |"));
        assertThat(s.get("wake").examples()).containsExactly("{\"type\":\"wake\",\"t\":3.2,\"model\":\"alexa\"}");
        assertThat(s.get("wake").fields()).containsExactlyInAnyOrder("model", "score", "threshold");
        assertThat(s.get("face").examples()).containsExactly("{\"type\":\"face\",\"faces\":[]}");
        assertThat(s.get("face").fields()).containsExactly("faces");
    }
}
