package dev.attend.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.ui.fx.SampleEvents;
import dev.attend.ui.translation.TranslationPairs;
import dev.attend.ui.translation.TranslationViewModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptExportTest {

    @Test
    void writesSrtVttTxtAndJsonWithTranslations() {
        TranscriptViewModel t = new TranscriptViewModel();
        TranslationViewModel tr = new TranslationViewModel(TranslationPairs.unavailable());
        dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();
        t.subscribe(bridge);
        tr.subscribe(bridge);
        SampleEvents.feed(bridge, SampleEvents.session());

        String srt = TranscriptExport.format(TranscriptExport.Format.SRT, t.finals(), tr.snapshot());
        assertThat(srt).startsWith("1\n00:00:00,480 --> 00:00:01,500\nhello world\nhola mundo\n\n2\n"
                + "00:00:02,100 --> 00:00:02,900\nwhat time is it\nqué hora es\n");
        String vtt = TranscriptExport.format(TranscriptExport.Format.VTT, t.finals(), Map.of());
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.480 --> 00:00:01.500\nhello world\n\n");
        String txt = TranscriptExport.format(TranscriptExport.Format.TXT, t.finals(), tr.snapshot());
        assertThat(txt).isEqualTo("hello world\n  hola mundo\nwhat time is it\n  qué hora es\n");
        String json = TranscriptExport.format(TranscriptExport.Format.JSON, t.finals(), tr.snapshot());
        assertThat(json).contains("\"text\" : \"hello world\"").contains("\"conf\" : 0.6")
                .contains("\"pair\" : \"eng-spa\"");
    }

    @Test
    void formatFollowsFileExtension() {
        assertThat(TranscriptExport.Format.forFileName("talk.VTT")).isEqualTo(TranscriptExport.Format.VTT);
        assertThat(TranscriptExport.Format.forFileName("talk.srt")).isEqualTo(TranscriptExport.Format.SRT);
        assertThat(TranscriptExport.Format.forFileName("talk")).isEqualTo(TranscriptExport.Format.TXT);
        // a name typed without an extension takes the chosen filter's, so name and format agree
        java.nio.file.Path dir = java.nio.file.Path.of("out");
        assertThat(TranscriptExport.Format.withExtension(dir.resolve("notes"), TranscriptExport.Format.VTT))
                .isEqualTo(dir.resolve("notes.vtt"));
        assertThat(TranscriptExport.Format.withExtension(dir.resolve("talk.SRT"), TranscriptExport.Format.TXT))
                .isEqualTo(dir.resolve("talk.SRT"));
        assertThat(TranscriptExport.Format.withExtension(dir.resolve("v1.2"), null)).isEqualTo(dir.resolve("v1.2.txt"));
        assertThat(TranscriptExport.time(3723.0456, TranscriptExport.Format.SRT)).isEqualTo("01:02:03,046");
    }
}
