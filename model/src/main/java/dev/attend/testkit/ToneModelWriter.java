package dev.attend.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the tone-language Vosk model: a hand-designed acoustic model (one affine layer + log-softmax that scores
 * each tone's fbank bin against silence), a transition model, a word-loop decoding graph and the small text files
 * libvosk wants. Every file is built and checked in memory first: a malformed model can abort the whole process
 * inside libvosk (a failed assertion), so nothing invalid may ever reach it.
 */
public final class ToneModelWriter {

    /** Cost of entering a word, of a silence stretch, and of the grammar graph's garbage word. */
    static final float WORD_COST = 1.0f;
    static final float SILENCE_COST = 0.5f;
    static final float UNK_COST = 12.0f;
    /** Tone k scores x[bin_k] − THRESHOLD against silence's 0: active tone bins read 21–28, others at most 9. */
    static final double THRESHOLD = 16.0;
    static final double LOOP_PROB = 0.75;
    public static final String UNK = "[unk]";

    private final ToneModelSpec spec;
    private final List<String> wordList = new ArrayList<>();

    public ToneModelWriter(ToneModelSpec spec) {
        spec.validate();
        this.spec = spec;
        wordList.add("<eps>");
        wordList.addAll(spec.words().keySet());
        if (spec.grammar()) {
            wordList.add(UNK);
        }
    }

    /** Writes the default model (static graph) into {@code dir}. */
    public static Path writeDefault(Path dir) throws IOException {
        return new ToneModelWriter(ToneModelSpec.defaults()).write(dir);
    }

    /**
     * Writes the model into {@code dir}, which must be missing or empty.
     *
     * @return {@code dir}
     * @throws IllegalArgumentException when {@code dir} is a file or a non-empty folder
     */
    public Path write(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file; give a new or empty folder for the model");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; give a new or empty folder for the model");
                }
            }
        }
        Map<String, byte[]> files = render();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        return dir;
    }

    /** All files of the model, relative path → content, validated. */
    public Map<String, byte[]> render() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("conf/fbank.conf", utf8(ToneKaldiText.fbankConf()));
        files.put("conf/model.conf", utf8(modelConf()));
        files.put("am/final.mdl", utf8(ToneKaldiText.transitionModel() + ToneKaldiText.nnet()));
        files.put("graph/words.txt", utf8(wordsTxt()));
        files.put("graph/phones.txt", utf8(ToneKaldiText.phonesTxt()));
        files.put("graph/phones/word_boundary.int", utf8(ToneKaldiText.wordBoundary()));
        int maxWord = wordList.size() - 1;
        if (spec.grammar()) {
            VectorFst hcl = lexiconLoop(true);
            hcl.sortByOutput(); // composed on the left of Gr: output side sorted
            hcl.validate("HCLr.fst", ToneLanguage.TRANSITION_IDS, maxWord);
            VectorFst g = wordLoopGrammar();
            g.sortByInput();
            g.validate("Gr.fst", maxWord, maxWord);
            files.put("graph/HCLr.fst", hcl.toBinary());
            files.put("graph/Gr.fst", g.toBinary());
            files.put("graph/disambig_tid.int", new byte[0]);
        } else {
            VectorFst hclg = lexiconLoop(false);
            hclg.validate("HCLG.fst", ToneLanguage.TRANSITION_IDS, maxWord);
            files.put("graph/HCLG.fst", hclg.toBinary());
        }
        return files;
    }

    /** Word ids as in words.txt. */
    public List<String> wordList() {
        return List.copyOf(wordList);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    String modelConf() {
        double ts = spec.trailingSilence();
        StringBuilder sb = new StringBuilder();
        sb.append("--min-active=20\n--max-active=1000\n--beam=13.0\n--lattice-beam=6.0\n--acoustic-scale=1.0\n");
        // libvosk reports word times in 30 ms frames: keep the subsampling factor at 3
        sb.append("--frame-subsampling-factor=3\n");
        sb.append("--endpoint.silence-phones=").append(ToneLanguage.SILENCE_PHONE).append('\n');
        sb.append(String.format(Locale.ROOT, "--endpoint.rule2.min-trailing-silence=%s%n", num(ts)));
        sb.append(String.format(Locale.ROOT, "--endpoint.rule3.min-trailing-silence=%s%n", num(Math.max(1.0, 2 * ts))));
        sb.append(String.format(Locale.ROOT, "--endpoint.rule4.min-trailing-silence=%s%n", num(Math.max(2.0, 4 * ts))));
        sb.append(String.format(Locale.ROOT, "--endpoint.rule5.min-utterance-length=%s%n",
                num(spec.maxUtteranceSeconds())));
        return sb.toString();
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    String wordsTxt() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wordList.size(); i++) {
            sb.append(wordList.get(i)).append(' ').append(i).append('\n');
        }
        if (spec.grammar()) {
            int n = wordList.size();
            sb.append("#0 ").append(n).append("\n<s> ").append(n + 1).append("\n</s> ").append(n + 2).append('\n');
        }
        return sb.toString();
    }

    /**
     * The lexicon as a loop through state 0 (start and final). Kaldi's "reorder" layout: each phone is its exit
     * transition first, then a state with its self-loop. The word label sits on the last phone's exit, so a word
     * appears in partial results only once all of it was heard (partials grow monotonically).
     */
    private VectorFst lexiconLoop(boolean withUnk) {
        VectorFst f = new VectorFst();
        int s0 = f.addState();
        f.setStart(s0);
        f.setFinal(s0, 0f);
        phoneChain(f, s0, new int[]{ToneLanguage.SILENCE_PHONE}, 0, SILENCE_COST);
        int id = 1;
        for (int[] tones : spec.words().values()) {
            phoneChain(f, s0, ToneLanguage.wordPhones(tones), id++, WORD_COST);
        }
        if (withUnk) {
            addGarbageWord(f, s0, wordList.indexOf(UNK));
        }
        return f;
    }

    private static void phoneChain(VectorFst f, int s0, int[] phones, int word, float cost) {
        int cur = s0;
        for (int k = 0; k < phones.length; k++) {
            int next = f.addState();
            boolean last = k == phones.length - 1;
            f.addArc(cur, ToneLanguage.exitTid(phones[k]), last ? word : 0, k == 0 ? cost : 0f, next);
            f.addArc(next, ToneLanguage.loopTid(phones[k]), 0, 0f, next);
            cur = next;
        }
        f.addArc(cur, 0, 0, 0f, s0);
    }

    /** {@code [unk]}: any tone sequence (singleton, or begin · internal* · end), expensive so real words win. */
    private static void addGarbageWord(VectorFst f, int s0, int unk) {
        int n = ToneLanguage.TONES;
        for (int t = 0; t < n; t++) {
            int p = ToneLanguage.phone(t, 3);
            int s = f.addState();
            f.addArc(s0, ToneLanguage.exitTid(p), unk, UNK_COST, s);
            f.addArc(s, ToneLanguage.loopTid(p), 0, 0f, s);
            f.addArc(s, 0, 0, 0f, s0);
        }
        int[] begin = new int[n];
        int[] inner = new int[n];
        int[] end = new int[n];
        for (int t = 0; t < n; t++) {
            begin[t] = f.addState();
            inner[t] = f.addState();
            end[t] = f.addState();
        }
        for (int t = 0; t < n; t++) {
            int pb = ToneLanguage.phone(t, 0);
            int pi = ToneLanguage.phone(t, 2);
            int pe = ToneLanguage.phone(t, 1);
            f.addArc(s0, ToneLanguage.exitTid(pb), unk, UNK_COST, begin[t]);
            f.addArc(begin[t], ToneLanguage.loopTid(pb), 0, 0f, begin[t]);
            f.addArc(inner[t], ToneLanguage.loopTid(pi), 0, 0f, inner[t]);
            f.addArc(end[t], ToneLanguage.loopTid(pe), 0, 0f, end[t]);
            f.addArc(end[t], 0, 0, 0f, s0);
        }
        for (int t = 0; t < n; t++) {
            for (int[] from : new int[][]{begin, inner}) {
                for (int src : from) {
                    f.addArc(src, ToneLanguage.exitTid(ToneLanguage.phone(t, 2)), 0, 1f, inner[t]);
                    f.addArc(src, ToneLanguage.exitTid(ToneLanguage.phone(t, 1)), 0, 0f, end[t]);
                }
            }
        }
    }

    /** Gr: a one-state loop accepting any word sequence, each word equally likely; {@code [unk]} much less so. */
    private VectorFst wordLoopGrammar() {
        VectorFst g = new VectorFst();
        int s0 = g.addState();
        g.setStart(s0);
        g.setFinal(s0, 0f);
        int words = spec.words().size();
        float cost = (float) Math.log(words);
        for (int id = 1; id <= words; id++) {
            g.addArc(s0, id, id, cost, s0);
        }
        int unk = wordList.indexOf(UNK);
        g.addArc(s0, unk, unk, cost + 5f, s0);
        return g;
    }
}
