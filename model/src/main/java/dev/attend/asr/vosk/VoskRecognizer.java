package dev.attend.asr.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.SpeechRecognizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vosk.Recognizer;

/**
 * {@link SpeechRecognizer} on libvosk: one native {@link Recognizer} per stream over a model shared through
 * {@link VoskModelCache}. Owns its recognizer and its model lease and frees both exactly once on {@link #close}.
 */
public final class VoskRecognizer implements SpeechRecognizer {

    /** The word a grammar uses for "anything else". */
    public static final String UNKNOWN = "[unk]";

    private final VoskModelCache.Lease lease;
    private final VoskSpeakerModels.Lease speakerLease;
    private final Recognizer recognizer;
    private final RecognizerOptions options;
    private boolean closed;
    private String lastPartialJson;
    private RecognitionResult.Partial lastPartial;

    private VoskRecognizer(VoskModelCache.Lease lease, VoskSpeakerModels.Lease speakerLease, Recognizer recognizer,
                           RecognizerOptions options) {
        this.lease = lease;
        this.speakerLease = speakerLease;
        this.recognizer = recognizer;
        this.options = options;
    }

    /** Opens a recognizer on the model in {@code modelDir}, sharing the loaded model with the process-wide cache. */
    public static VoskRecognizer open(Path modelDir, RecognizerOptions options) {
        return open(VoskModelCache.shared(), modelDir, options);
    }

    /**
     * @throws VoskModelException       bad model folder, or a grammar the model cannot use
     * @throws VoskUnavailableException libvosk does not load on this machine
     * @throws dev.attend.speaker.SpeakerModelException the options name a speaker model that cannot be loaded
     */
    public static VoskRecognizer open(VoskModelCache cache, Path modelDir, RecognizerOptions options) {
        RecognizerOptions opts = options == null ? RecognizerOptions.defaults() : options;
        VoskSpeakerModels.Lease spk = opts.speakerModel() == null ? null
                : VoskSpeakerModels.shared().acquire(opts.speakerModel());
        VoskModelCache.Lease lease;
        try {
            lease = cache.acquire(modelDir, opts.endpointer());
        } catch (RuntimeException e) {
            if (spk != null) {
                spk.close();
            }
            throw e;
        }
        Recognizer rec = null;
        try {
            String grammar = opts.grammar() == null ? null : grammarJson(lease.folder(), opts.grammar());
            rec = grammar == null ? new Recognizer(lease.model(), opts.sampleRate())
                    : new Recognizer(lease.model(), opts.sampleRate(), grammar);
            if (rec.getPointer() == null) {
                // the grammar constructor does not check: any call on a null recognizer would crash the process
                rec = null;
                throw new VoskModelException("libvosk could not create a recognizer for " + lease.folder().dir()
                        + " (its reason is in the log on standard error)");
            }
            if (spk != null) {
                rec.setSpeakerModel(spk.model());
            }
            rec.setWords(opts.words());
            rec.setPartialWords(opts.partialWords());
            if (opts.maxAlternatives() > 0) {
                rec.setMaxAlternatives(opts.maxAlternatives());
            }
            return new VoskRecognizer(lease, spk, rec, opts);
        } catch (IOException | RuntimeException e) {
            if (rec != null) {
                rec.close();
            }
            lease.close();
            if (spk != null) {
                spk.close();
            }
            if (e instanceof VoskModelException vme) {
                throw vme;
            }
            throw new VoskModelException("libvosk could not create a recognizer for " + lease.folder().dir() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The JSON phrase list libvosk takes. Checked here: libvosk silently drops unknown words and ignores grammars on
     * models with a static graph.
     */
    static String grammarJson(VoskModelFolder folder, List<String> phrases) {
        if (!folder.grammar()) {
            throw new VoskModelException("the model in " + folder.dir() + " has a static graph (graph/HCLG.fst) and "
                    + "cannot restrict recognition to a phrase list; use a model with graph/HCLr.fst and graph/Gr.fst "
                    + "(the small models) or run without a grammar");
        }
        if (phrases.isEmpty()) {
            throw new VoskModelException("the grammar is empty; give at least one phrase (and \"[unk]\" for anything else)");
        }
        Set<String> vocab = folder.vocabulary();
        List<String> clean = new ArrayList<>();
        for (String p : phrases) {
            String phrase = p == null ? "" : p.strip().replaceAll("\\s+", " ");
            if (phrase.isEmpty()) {
                throw new VoskModelException("the grammar has an empty phrase");
            }
            for (String w : phrase.split(" ")) {
                if (!vocab.contains(w)) {
                    throw new VoskModelException("grammar word '" + w + "' is not in the model's vocabulary ("
                            + folder.graphDir().resolve("words.txt") + ")");
                }
            }
            clean.add(phrase);
        }
        try {
            return new ObjectMapper().writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int sampleRate() {
        return options.sampleRate();
    }

    public RecognizerOptions options() {
        return options;
    }

    @Override
    public RecognitionResult.Utterance acceptPcm16le(byte[] pcm, int length) {
        checkOpen();
        if (length < 0 || length > pcm.length || length % 2 != 0) {
            throw new IllegalArgumentException("PCM length must be an even byte count within the buffer, not " + length);
        }
        if (length == 0) {
            return null;
        }
        return recognizer.acceptWaveForm(pcm, length) ? VoskResultParser.utterance(recognizer.getResult()) : null;
    }

    @Override
    public RecognitionResult.Utterance acceptPcm16(short[] samples, int count) {
        checkOpen();
        if (count < 0 || count > samples.length) {
            throw new IllegalArgumentException("sample count must be within the buffer, not " + count);
        }
        if (count == 0) {
            return null;
        }
        return recognizer.acceptWaveForm(samples, count) ? VoskResultParser.utterance(recognizer.getResult()) : null;
    }

    @Override
    public RecognitionResult.Partial partial() {
        checkOpen();
        String json = recognizer.getPartialResult();
        // asked after every chunk and mostly unchanged: parse only when libvosk's text changed
        if (!json.equals(lastPartialJson)) {
            lastPartialJson = json;
            lastPartial = VoskResultParser.partial(json);
        }
        return lastPartial;
    }

    @Override
    public RecognitionResult.Utterance finish() {
        checkOpen();
        return VoskResultParser.utterance(recognizer.getFinalResult());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("recognizer already closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            recognizer.close();
        } finally {
            lease.close();
            if (speakerLease != null) {
                speakerLease.close();
            }
        }
    }
}
