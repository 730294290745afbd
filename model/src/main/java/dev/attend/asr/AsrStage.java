package dev.attend.asr;

import dev.attend.event.AsrEvents;
import dev.attend.asr.vosk.VoskRecognizer;
import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.speaker.SpeakerLabeler;
import dev.attend.speaker.SpeakerModelException;
import dev.attend.speaker.SpeakerSetup;
import dev.attend.speaker.SpeakerVectorSource;
import dev.attend.speaker.compact.CompactSpeakerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Live transcription on the audio bus: feeds every chunk to a {@link SpeechRecognizer} and emits
 * {@link AsrEvents.Partial} when the guess changes and {@link AsrEvents.Final} when an utterance settles (and at the
 * end of the stream). The recognizer counts time from the first sample it got, so its times are offset by the media
 * time of the first chunk; gaps in the stream (dropped live chunks) are fed as silence so the two clocks never
 * drift apart.
 */
public final class AsrStage implements Stage<AudioChunk> {

    /** Longest gap filled with silence; a longer one ends the utterance and restarts the clock alignment. */
    static final double MAX_FILLED_GAP_SECONDS = 30.0;

    private final Supplier<SpeechRecognizer> factory;
    private final Path modelDir;
    private final RecognizerOptions options;
    private final SpeakerSetup speakers;
    private SpeakerLabeler labeler;
    /** The utterance's audio for the compact speaker vector (null with libvosk's vectors or no labels). */
    private UtteranceAudio audio;
    private SpeechRecognizer recognizer;
    private boolean aligned;
    private double offset;
    /** Media time up to which audio was fed. */
    private double fedUntil;
    /** Media time where the current utterance's audio began (after the previous endpoint). */
    private double segmentStart;
    private int utterance;
    private String lastPartial = "";
    private short[] pcm = new short[0];

    /** A stage on the Vosk model in {@code modelDir}. The model is loaded in {@link #start}, on the stage thread. */
    public AsrStage(Path modelDir, RecognizerOptions options) {
        this(modelDir, options, null);
    }

    /**
     * A stage on a Vosk model that also labels speakers ({@code speakers} null: no labels). A speaker model that
     * is missing, damaged or refused gives one non-fatal {@code source.error} (source {@code speakers}) and
     * recognition goes on without labels.
     */
    public AsrStage(Path modelDir, RecognizerOptions options, SpeakerSetup speakers) {
        this.factory = null;
        this.modelDir = modelDir;
        this.options = options == null ? RecognizerOptions.defaults() : options;
        this.speakers = speakers;
    }

    /** A stage on any recognizer (16 kHz); the stage owns and closes what the factory returns. */
    public AsrStage(Supplier<SpeechRecognizer> factory) {
        this.factory = factory;
        this.modelDir = null;
        this.options = null;
        this.speakers = null;
    }

    @Override
    public String name() {
        return "asr";
    }

    @Override
    public void start(StageContext ctx) {
        recognizer = factory != null ? factory.get() : openVosk(ctx);
        if (recognizer.sampleRate() != AudioChunk.SAMPLE_RATE) {
            throw new IllegalStateException("the recognizer expects " + recognizer.sampleRate()
                    + " Hz audio; the pipeline delivers " + AudioChunk.SAMPLE_RATE + " Hz");
        }
    }

    @Override
    public void process(AudioChunk chunk, StageContext ctx) {
        if (!aligned) {
            align(chunk.t());
        }
        double gap = chunk.t() - fedUntil;
        if (gap > MAX_FILLED_GAP_SECONDS) {
            settle(recognizer.finish(), fedUntil, ctx);
            // the recognizer's clock runs on from the samples it got: re-anchor it at this chunk
            offset = chunk.t() - (fedUntil - offset);
            fedUntil = chunk.t();
            segmentStart = chunk.t();
            if (audio != null) {
                audio.reset(chunk.t());
            }
        } else if (gap * AudioChunk.SAMPLE_RATE >= 1) {
            short[] silence = new short[(int) Math.round(gap * AudioChunk.SAMPLE_RATE)];
            if (audio != null) {
                audio.append(null, silence.length);
            }
            feed(silence, silence.length, chunk.t(), ctx);
        }
        if (audio != null) {
            audio.append(chunk.samples(), chunk.samples().length);
        }
        feed(toPcm16(chunk.samples()), chunk.samples().length, chunk.endTime(), ctx);
    }

    /** The Vosk recognizer, with the speaker model when it can be had, else without (and a message saying why). */
    private SpeechRecognizer openVosk(StageContext ctx) {
        if (speakers != null) {
            try {
                if (speakers.otherSourceMessage() != null) {
                    ctx.events().emit(new CoreEvents.SourceError(0, "speakers", speakers.otherSourceMessage(),
                            false));
                }
                if (speakers.vectors() == SpeakerVectorSource.COMPACT) {
                    // Attend's own vector from the utterance's audio: libvosk runs without its speaker model
                    audio = new UtteranceAudio(CompactSpeakerModel.shipped());
                    labeler = speakers.newLabeler();
                    return VoskRecognizer.open(modelDir, options.withSpeakerModel(null));
                }
                Path spk = speakers.prepareModel();
                labeler = speakers.newLabeler();
                return VoskRecognizer.open(modelDir, options.withSpeakerModel(spk));
            } catch (IOException | SpeakerModelException e) {
                audio = null;
                labeler = null;
                ctx.events().emit(new CoreEvents.SourceError(0, "speakers", "speaker labels are off: "
                        + e.getMessage(), false));
            }
        }
        return VoskRecognizer.open(modelDir, options.withSpeakerModel(null));
    }

    private void align(double t) {
        aligned = true;
        offset = t;
        fedUntil = t;
        segmentStart = t;
        if (audio != null) {
            audio.reset(t);
        }
    }

    /**
     * Samples as 16-bit PCM in a buffer reused from chunk to chunk (this conversion was the stage's own hot spot;
     * {@link AudioChunk#toPcm16()} allocates and rounds with {@code Math.round}).
     */
    private short[] toPcm16(float[] samples) {
        if (pcm.length < samples.length) {
            pcm = new short[samples.length];
        }
        for (int i = 0; i < samples.length; i++) {
            float x = samples[i] * 32768f;
            int v = (int) (x >= 0 ? x + 0.5f : x - 0.5f);
            pcm[i] = (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE));
        }
        return pcm;
    }

    private void feed(short[] samples, int count, double endTime, StageContext ctx) {
        RecognitionResult.Utterance u = recognizer.acceptPcm16(samples, count);
        fedUntil = endTime;
        if (u != null) {
            settle(u, endTime, ctx);
            return;
        }
        String text = recognizer.partial().text();
        if (!text.equals(lastPartial)) {
            lastPartial = text;
            if (!text.isEmpty()) {
                ctx.events().emit(new AsrEvents.Partial(round(endTime), utterance, text));
            }
        }
    }

    /** Emits the final (unless nothing was heard and no partial was shown) and starts the next utterance. */
    private void settle(RecognitionResult.Utterance u, double endTime, StageContext ctx) {
        boolean shown = !lastPartial.isEmpty();
        if (!u.isEmpty() || shown) {
            List<AsrEvents.Word> words = new ArrayList<>();
            for (RecognitionResult.Word w : u.words()) {
                words.add(new AsrEvents.Word(w.word(), round(offset + w.start()), round(offset + w.end()), w.conf()));
            }
            double start = words.isEmpty() ? segmentStart : words.get(0).start();
            double end = words.isEmpty() ? endTime : words.get(words.size() - 1).end();
            List<String> alternatives = u.alternatives().stream().map(RecognitionResult.Alternative::text).toList();
            String speaker = null;
            Double score = null;
            float[] vector = audio != null ? audio.vector(start, end) : u.speakerVector();
            SpeakerLabeler.Label label = null;
            if (labeler != null && vector != null) {
                label = labeler.label(utterance, vector);
                speaker = label.name();
                score = Math.round(label.score() * 1e4) / 1e4;
            }
            ctx.events().emit(new AsrEvents.Final(round(start), round(end), utterance, u.text(),
                    round(u.confidence()), words, alternatives, speaker, score, vector));
            if (label != null) {
                // earlier lines this utterance's evidence moved to another speaker follow it
                label.relabelled().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                        ctx.events().emit(new AsrEvents.Relabel(round(start), e.getKey(), e.getValue())));
            }
            utterance++;
        }
        lastPartial = "";
        segmentStart = endTime;
        if (audio != null) {
            audio.reset(endTime);
        }
    }

    @Override
    public void end(StageContext ctx) {
        if (recognizer != null && aligned) {
            settle(recognizer.finish(), fedUntil, ctx);
        }
    }

    @Override
    public void close() {
        if (recognizer != null) {
            SpeechRecognizer r = recognizer;
            recognizer = null;
            r.close();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
