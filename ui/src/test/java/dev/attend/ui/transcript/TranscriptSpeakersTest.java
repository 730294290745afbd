package dev.attend.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.AsrEvents;
import dev.attend.event.EventCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptSpeakersTest {

    private static JsonNode fin(int id, double t, String text, String speaker) {
        return EventCodec.toTree(new AsrEvents.Final(t, t + 1, id, text, 0.9,
                List.of(new AsrEvents.Word(text, t, t + 1, 0.9)), List.of(), speaker, speaker == null ? null : 0.95,
                speaker == null ? null : new float[]{0.5f, -0.25f}));
    }

    @Test
    void renamingASpeakerRenamesAllTheirLinesAndExports() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.onEvents(List.of(fin(0, 0.5, "hello", "Speaker 1"), fin(1, 2.0, "hi there", "Speaker 2"),
                fin(2, 4.0, "bye", "Speaker 1"), fin(3, 6.0, "no label", null)));
        t.renameSpeaker("Speaker 1", "  Ann ");
        assertThat(t.finals()).extracting(Utterance::speaker).containsExactly("Ann", "Speaker 2", "Ann", null);

        assertThat(TranscriptExport.format(TranscriptExport.Format.TXT, t.finals(), Map.of()))
                .isEqualTo("Ann: hello\nSpeaker 2: hi there\nAnn: bye\nno label\n");
        assertThat(TranscriptExport.format(TranscriptExport.Format.VTT, t.finals(), Map.of()))
                .contains("00:00:00.500 --> 00:00:01.500\n<v Ann>hello\n")
                .contains("<v Speaker 2>hi there\n").contains("\nno label\n");
        assertThat(TranscriptExport.format(TranscriptExport.Format.SRT, t.finals(), Map.of()))
                .contains("00:00:02,000 --> 00:00:03,000\nSpeaker 2: hi there\n");
        assertThat(TranscriptExport.format(TranscriptExport.Format.JSON, t.finals(), Map.of()))
                .contains("\"speaker\" : \"Ann\"");

        t.renameSpeaker("Speaker 1", "");
        assertThat(t.finals().get(0).speaker()).isEqualTo("Speaker 1");
    }

    @Test
    void speakerFieldsRoundTripAndAreAbsentWithoutASpeaker() {
        String with = EventCodec.encode(new AsrEvents.Final(1, 2, 0, "x", 1, List.of(), List.of(), "Ann", 0.93,
                new float[]{1.5f, -2f}));
        assertThat(with).contains("\"speaker\":\"Ann\"").contains("\"speakerScore\":0.93")
                .contains("\"speakerVector\":[1.5,-2.0]");
        AsrEvents.Final back = (AsrEvents.Final) EventCodec.decode(with);
        assertThat(back.speaker()).isEqualTo("Ann");
        assertThat(back.speakerVector()).containsExactly(1.5f, -2f);
        String without = EventCodec.encode(new AsrEvents.Final(1, 2, 0, "x", 1, List.of(), List.of()));
        assertThat(without).doesNotContain("speaker");
        assertThat(((AsrEvents.Final) EventCodec.decode(without)).speaker()).isNull();
    }

    @Test
    void vttVoiceNamesCannotBreakTheTag() {
        assertThat(TranscriptExport.vttVoice("A<b>&c\nd")).isEqualTo("A b  c d");
    }
}
