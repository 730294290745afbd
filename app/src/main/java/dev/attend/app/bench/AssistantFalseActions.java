package dev.attend.app.bench;

import dev.attend.assistant.service.AssistantService;
import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.event.AssistantEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.WakeEvent;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * False actions on non-command speech: the wake-word bench's corpus (espeak-ng reading a Debian text corpus in many
 * voices, speeds and pitches, with pauses, noise and tones; cached) played through a real session with the
 * assistant (wake word on, no speech model: a command would be judged by the audio intent head alone). Anything
 * the assistant does there is a false action.
 */
public final class AssistantFalseActions {

    /** What the assistant did over the corpus. */
    public record Result(double seconds, double speechSeconds, int passages, String source, int wakes,
                         int activations, int commands, int actions, List<String> details) {
    }

    private AssistantFalseActions() {
    }

    /** Makes or reuses {@code minutes} of corpus under {@code dir} and runs it through {@code assistant}. */
    public static Result run(Path dir, double minutes, AssistantService assistant, String wakeWord, PrintWriter log)
            throws IOException, InterruptedException, dev.attend.pipeline.SourceException {
        WakeText text = WakeText.load();
        List<WakeCorpus.Segment> segs = WakeCorpus.ensure(dir, minutes / 60, text, log);
        int[] counts = new int[4];
        List<String> details = new ArrayList<>();
        double seconds = 0;
        double speech = 0;
        int passages = 0;
        for (WakeCorpus.Segment seg : segs) {
            FeatureOptions f = FeatureOptions.none().withAudio(new AudioEncoderFeature(true, List.of(wakeWord),
                    WakeOptions.defaults()));
            try (Pipeline p = SessionFactory.create(SessionSpec.ofAudioFile(seg.wav(), Pacing.FAST, f),
                    e -> count(e, counts, details, seg.wav().getFileName().toString()), List.of(), List.of(),
                    assistant)) {
                p.start();
                if (!p.awaitEnd(Duration.ofMinutes(30))) {
                    throw new IOException("the session over " + seg.wav() + " did not end in 30 minutes");
                }
            }
            seconds += seg.seconds();
            speech += seg.speechSeconds();
            passages += seg.passages();
            log.printf(Locale.ROOT, "  false actions: %s played (%d wakes, %d actions so far)%n",
                    seg.wav().getFileName(), counts[0], counts[3]);
            log.flush();
        }
        return new Result(seconds, speech, passages, text.source(), counts[0], counts[1], counts[2], counts[3],
                details);
    }

    private static synchronized void count(AttendEvent e, int[] counts, List<String> details, String file) {
        if (e instanceof WakeEvent w) {
            counts[0]++;
            details.add(String.format(Locale.ROOT, "%s @%.1fs wake %s %.2f", file, w.t(), w.model(), w.score()));
        } else if (e instanceof AssistantEvents.State s && AssistantEvents.LISTENING.equals(s.state())) {
            counts[1]++;
        } else if (e instanceof AssistantEvents.Intent i) {
            counts[2]++;
            details.add(String.format(Locale.ROOT, "%s @%.1fs command -> %s %.2f understood=%s", file, i.t(),
                    i.intent(), i.confidence(), i.understood()));
        } else if (e instanceof AssistantEvents.Reply r && r.acted() && r.command() > 0) {
            // command 0 is a timer going off (e.g. one an earlier typed bench command set), not a reaction
            counts[3]++;
            details.add(String.format(Locale.ROOT, "%s @%.1fs ACTION %s: %s", file, r.t(), r.intent(), r.text()));
        }
    }
}
