package dev.attend.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();
        t.subscribe(bridge);
        dev.attend.ui.fx.SampleEvents.feed(bridge, List.of(fin(0, 0.5, "hello", "Speaker 1"), fin(1, 2.0, "hi there", "Speaker 2"),
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
    void aRelabelMovesAShownLineAndItsNameAndEnrolmentFollow() {
        TranscriptViewModel t = new TranscriptViewModel();
        dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();
        t.subscribe(bridge);
        t.renameSpeaker("Speaker 2", "Bea");
        dev.attend.ui.fx.SampleEvents.feed(bridge, List.of(fin(0, 0.5, "hello", "Speaker 1"),
                fin(1, 2.0, "hi there", "Speaker 1"), fin(2, 4.0, "bye", "Speaker 2"),
                EventCodec.toTree(new AsrEvents.Relabel(4.0, 1, "Speaker 2")),
                EventCodec.toTree(new AsrEvents.Relabel(4.0, 7, "Speaker 2"))));
        assertThat(t.finals()).extracting(Utterance::speaker).containsExactly("Speaker 1", "Bea", "Bea");
        assertThat(t.enrollableUtterances("Speaker 2")).isEqualTo(2);
        assertThat(t.enrollableUtterances("Speaker 1")).isEqualTo(1);
    }

    @Test
    void thisIsMeSavesTheMeanOfTheLabelsVectorsAndRenamesItsLines() throws Exception {
        TranscriptViewModel t = new TranscriptViewModel();
        dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();
        t.subscribe(bridge);
        dev.attend.ui.fx.SampleEvents.feed(bridge, List.of(fin(0, 0.5, "hello", "Speaker 1"),
                fin(1, 2.0, "hi there", "Speaker 2"), fin(2, 4.0, "bye", "Speaker 1"), fin(3, 6.0, "no label", null)));
        assertThat(t.canEnroll("Speaker 1")).isFalse(); // no enroller: enrolment is off
        assertThatThrownBy(() -> t.enrollSpeaker("Speaker 1", "Ann")).isInstanceOf(IllegalStateException.class);

        List<dev.attend.speaker.SpeakerProfile> saved = new java.util.ArrayList<>();
        t.setEnroller(saved::add);
        assertThat(t.enrollableUtterances("Speaker 1")).isEqualTo(2);
        assertThat(t.canEnroll("Speaker 3")).isFalse();
        assertThatThrownBy(() -> t.enrollSpeaker("Speaker 1", "speaker 12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("automatic label");
        assertThatThrownBy(() -> t.enrollSpeaker("Speaker 3", "Bob")).isInstanceOf(IllegalStateException.class);
        assertThat(saved).isEmpty();

        var p = t.enrollSpeaker("Speaker 1", " Ann ");
        assertThat(saved).containsExactly(p);
        assertThat(p.name()).isEqualTo("Ann");
        assertThat(p.utterances()).isEqualTo(2);
        assertThat(dev.attend.speaker.SpeakerVectors.cosine(p.vector(), new float[]{0.5f, -0.25f})).isGreaterThan(0.9999);
        assertThat(t.finals()).extracting(Utterance::speaker).containsExactly("Ann", "Speaker 2", "Ann", null);

        // a failing store changes nothing
        t.setEnroller(x -> {
            throw new java.io.IOException("disk full");
        });
        assertThatThrownBy(() -> t.enrollSpeaker("Speaker 2", "Bea")).hasMessage("disk full");
        assertThat(t.speakerName("Speaker 2")).isEqualTo("Speaker 2");
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
