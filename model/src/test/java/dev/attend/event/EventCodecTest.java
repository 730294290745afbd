package dev.attend.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void everyPermittedRecordIsRegisteredUnderItsTypeName() {
        Map<String, Class<? extends AttendEvent>> types = EventCodec.types();
        assertThat(types).containsEntry("asr.final", AsrEvents.Final.class)
                .containsEntry("session.end", CoreEvents.SessionEnd.class)
                .containsEntry("translation", TranslationEvent.class)
                .doesNotContainValue(UnknownEvent.class);
        assertThat(types).hasSize(AttendEvent.class.getPermittedSubclasses().length - 1);
        assertThat(new CoreEvents.Level(0.1, 0.1, -20, -3).type()).isEqualTo("level");
    }

    @Test
    void encodesAsBeforeAndDecodesToAnEqualRecord() {
        CoreEvents.Level level = new CoreEvents.Level(0.1, 0.1, -17.2, -2.95);
        String json = EventCodec.encode(level);
        assertThat(json).isEqualTo("{\"type\":\"level\",\"t\":0.1,\"window\":0.1,\"rmsDbfs\":-17.2,\"peakDbfs\":-2.95}");
        assertThat(EventCodec.decode(json)).isEqualTo(level);

        TranslationEvent tr = new TranslationEvent(1.25, 0, "eng-spa", true, "the xyzzy", "el xyzzy",
                List.of("xyzzy"), 12.3);
        String trJson = EventCodec.encode(tr);
        assertThat(trJson).isEqualTo("{\"type\":\"translation\",\"t\":1.25,\"utterance\":0,\"pair\":\"eng-spa\","
                + "\"final\":true,\"source\":\"the xyzzy\",\"target\":\"el xyzzy\",\"unknown\":[\"xyzzy\"],"
                + "\"latencyMs\":12.3}");
        assertThat(EventCodec.decode(trJson)).isEqualTo(tr);

        AsrEvents.Final fin = new AsrEvents.Final(0.48, 2.01, 0, "one two", 1.0,
                List.of(new AsrEvents.Word("one", 0.48, 0.81, 1.0), new AsrEvents.Word("two", 1.08, 1.41, 0.9)),
                List.of());
        assertThat(EventCodec.decode(EventCodec.encode(fin))).isEqualTo(fin);
        VadEvent start = VadEvent.start(1.23, 0.91);
        assertThat(EventCodec.encode(start))
                .isEqualTo("{\"type\":\"vad\",\"t\":1.23,\"event\":\"start\",\"start\":1.23,\"end\":null,"
                        + "\"probability\":0.91}");
        assertThat(EventCodec.decode(EventCodec.encode(start))).isEqualTo(start);
    }

    @Test
    void fieldsOfANewerVersionAreIgnoredAndMissingOnesDefault() {
        AttendEvent e = EventCodec.decode("{\"type\":\"wake\",\"t\":3.2,\"model\":\"hey_jarvis\",\"score\":0.98,"
                + "\"speaker\":\"alice\"}");
        assertThat(e).isEqualTo(new WakeEvent(3.2, "hey_jarvis", 0.98, 0.0));
    }

    @Test
    void anUnknownTypeKeepsTheWholeObjectAndReencodesUnchanged() {
        String line = "{\"type\":\"future.kind\",\"t\":4.5,\"text\":\"It is 10 o'clock\",\"nested\":{\"a\":[1,2]}}";
        AttendEvent e = EventCodec.decode(line);
        assertThat(e).isInstanceOf(UnknownEvent.class);
        assertThat(e.type()).isEqualTo("future.kind");
        assertThat(e.t()).isEqualTo(4.5);
        assertThat(EventCodec.encode(e)).isEqualTo(line);
        assertThat(EventCodec.mapper().convertValue(EventCodec.toTree(e), Map.class)).containsEntry("t", 4.5);
    }

    @Test
    void jacksonPolymorphismPicksTheRecordFromTheTypeField() throws Exception {
        AttendEvent e = EventCodec.mapper().readValue("{\"type\":\"frame\",\"t\":0.04,\"seq\":1,\"width\":480,"
                + "\"height\":360}", AttendEvent.class);
        assertThat(e).isEqualTo(new CoreEvents.Frame(0.04, 1, 480, 360));
        AttendEvent u = EventCodec.mapper().readValue("{\"type\":\"later\",\"t\":1.0}", AttendEvent.class);
        assertThat(u).isInstanceOf(UnknownEvent.class);
        assertThat(u.type()).isEqualTo("later");
    }

    @Test
    void badLinesGetSpecificErrors() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"level\",")).isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> EventCodec.decode("[1,2]")).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("JSON object, not array");
        assertThatThrownBy(() -> EventCodec.decode("{\"t\":1}")).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("string field 'type'");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"level\",\"t\":\"soon\"}"))
                .isInstanceOf(EventFormatException.class).hasMessageStartingWith("'level' event:");
    }
}
