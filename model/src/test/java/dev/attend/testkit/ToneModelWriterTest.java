package dev.attend.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attend.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneModelWriterTest {

    @TempDir
    Path tmp;

    @Test
    void tonesSitOnTheFbankBinCentres() {
        assertThat(ToneLanguage.toneHz(0)).isCloseTo(705.0, within(0.05));
        assertThat(ToneLanguage.toneHz(1)).isCloseTo(1323.2, within(0.05));
        assertThat(ToneLanguage.toneHz(2)).isCloseTo(2213.5, within(0.05));
        assertThat(ToneLanguage.toneHz(3)).isCloseTo(3495.5, within(0.05));
    }

    @Test
    void writesEveryFileOfTheStaticModel() throws IOException {
        Path dir = ToneModelWriter.writeDefault(tmp.resolve("m"));
        for (String f : new String[]{"am/final.mdl", "conf/model.conf", "conf/fbank.conf", "graph/HCLG.fst",
            "graph/words.txt", "graph/phones/word_boundary.int"}) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(dir.resolve("graph/HCLr.fst")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("graph/words.txt")))
                .startsWith("<eps> 0", "one 1", "two 2").endsWith("zero 10");
        assertThat(Files.readAllLines(dir.resolve("graph/phones/word_boundary.int")))
                .hasSize(17).startsWith("1 nonword", "2 begin", "3 end", "4 internal", "5 singleton");
        String mdl = Files.readString(dir.resolve("am/final.mdl"));
        assertThat(mdl).startsWith("<TransitionModel> ").contains("<Triples> 17 ").contains("<Nnet3> \n")
                .contains("<LearningRate> 0").endsWith("<Priors> [ ] \n");
        // 34 transition ids + the dummy entry 0
        String logProbs = mdl.substring(mdl.indexOf("<LogProbs>"), mdl.indexOf("</LogProbs>"));
        assertThat(logProbs.replaceAll("[^\\[\\]0-9.\\- ]", "").trim().replaceAll("[\\[\\]]", "").trim().split("\\s+"))
                .hasSize(35);
        assertThat(Files.readString(dir.resolve("conf/model.conf")))
                .contains("--endpoint.rule2.min-trailing-silence=0.5\n").contains("--frame-subsampling-factor=3\n");
    }

    @Test
    void grammarModelHasRuntimeGraphAndUnk() throws IOException {
        Path dir = new ToneModelWriter(ToneModelSpec.defaults().withGrammar(true)).write(tmp.resolve("g"));
        assertThat(dir.resolve("graph/HCLG.fst")).doesNotExist();
        assertThat(dir.resolve("graph/HCLr.fst")).isRegularFile();
        assertThat(dir.resolve("graph/Gr.fst")).isRegularFile();
        assertThat(dir.resolve("graph/disambig_tid.int")).isEmptyFile();
        assertThat(Files.readAllLines(dir.resolve("graph/words.txt"))).contains("[unk] 11", "#0 12", "<s> 13", "</s> 14");
    }

    @Test
    void binaryFstHasOpenFstHeaderAndLayout() {
        VectorFst f = new VectorFst();
        int a = f.addState();
        int b = f.addState();
        f.setStart(a);
        f.setFinal(b, 0.5f);
        f.addArc(a, 3, 7, 1.25f, b);
        byte[] bin = f.toBinary();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bin).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getInt()).isEqualTo(2125659606);
        assertThat(buf.getInt()).isEqualTo(6);
        buf.position(buf.position() + 6);
        assertThat(buf.getInt()).isEqualTo(8);
        buf.position(buf.position() + 8);
        assertThat(buf.getInt()).isEqualTo(2);
        assertThat(buf.getInt()).isZero();
        assertThat(buf.getLong()).isEqualTo(3);
        assertThat(buf.getLong()).isZero();         // start
        assertThat(buf.getLong()).isEqualTo(2);     // states
        assertThat(buf.getLong()).isEqualTo(1);     // arcs
        assertThat(buf.getFloat()).isInfinite();    // state 0 not final
        assertThat(buf.getLong()).isEqualTo(1);
        assertThat(buf.getInt()).isEqualTo(3);
        assertThat(buf.getInt()).isEqualTo(7);
        assertThat(buf.getFloat()).isEqualTo(1.25f);
        assertThat(buf.getInt()).isEqualTo(1);
        assertThat(buf.getFloat()).isEqualTo(0.5f);
        assertThat(buf.getLong()).isZero();
        assertThat(buf.hasRemaining()).isFalse();
        assertThat(f.toText()).isEqualTo("0\t1\t3\t7\t1.25\n1\t0.5\n");
    }

    @Test
    void openFstToolsAcceptTheGraphs() throws Exception {
        Assumptions.assumeTrue(onPath("fstinfo"), "fstinfo (libfst-tools) not installed");
        Path s = ToneModelWriter.writeDefault(tmp.resolve("s"));
        Path g = new ToneModelWriter(ToneModelSpec.defaults().withGrammar(true)).write(tmp.resolve("g"));
        Map<String, String> hclg = fstinfo(s.resolve("graph/HCLG.fst"));
        assertThat(hclg).containsEntry("fst type", "vector").containsEntry("arc type", "standard")
                .containsEntry("# of states", "22").containsEntry("# of arcs", "53");
        assertThat(fstinfo(g.resolve("graph/HCLr.fst"))).containsEntry("output label sorted", "y");
        assertThat(fstinfo(g.resolve("graph/Gr.fst"))).containsEntry("input label sorted", "y")
                .containsEntry("# of states", "1").containsEntry("# of arcs", "11");
        String printed = run("fstprint", s.resolve("graph/HCLG.fst").toString());
        // word "one" (A_B A_E): its label sits on the exit of its last phone
        assertThat(printed).contains("0\t2\t4\t0\t1\n").contains("2\t3\t14\t1\n");
    }

    @Test
    void invalidSpecsAreRefusedWithTheReason() {
        Map<String, int[]> w = new LinkedHashMap<>();
        w.put("hi", new int[]{0, 1});
        w.put("yo", new int[]{0, 1});
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(w)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hi' and 'yo' have the same tones");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(Map.of("bad", new int[]{4}))))
                .hasMessageContaining("uses tone 4");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(Map.of("a b", new int[]{1}))))
                .hasMessageContaining("no spaces");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(Map.of("[unk]", new int[]{1}))))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(Map.of("x", new int[0]))))
                .hasMessageContaining("no tones");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withTrailingSilence(Double.NaN)))
                .hasMessageContaining("trailing silence");
        assertThatThrownBy(() -> new ToneModelWriter(ToneModelSpec.defaults().withWords(Map.of())))
                .hasMessageContaining("at least one word");
    }

    @Test
    void refusesNonEmptyTargetFolder() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> ToneModelWriter.writeDefault(tmp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not empty");
        assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void fstValidationCatchesWhatWouldCrashLibvosk() {
        VectorFst f = new VectorFst();
        int s = f.addState();
        assertThatThrownBy(() -> f.validate("G", 10, 10)).hasMessageContaining("no start state");
        f.setStart(s);
        f.addArc(s, 99, 0, 0f, s);
        f.setFinal(s, 0f);
        assertThatThrownBy(() -> f.validate("G", 34, 10)).hasMessageContaining("input label 99")
                .hasMessageContaining("outside 0..34");
        VectorFst g = new VectorFst();
        g.setStart(g.addState());
        g.addArc(0, 1, 1, 0f, 5);
        assertThatThrownBy(() -> g.validate("G", 10, 10)).hasMessageContaining("missing state 5");
        VectorFst h = new VectorFst();
        h.setStart(h.addState());
        assertThatThrownBy(() -> h.validate("G", 10, 10)).hasMessageContaining("no final state");
    }

    @Test
    void customLexiconWithSingleToneWords() throws IOException {
        Map<String, int[]> w = new LinkedHashMap<>();
        w.put("la", new int[]{2});
        w.put("dolo", new int[]{3, 0, 1});
        Path dir = new ToneModelWriter(ToneModelSpec.defaults().withWords(w)).write(tmp.resolve("c"));
        assertThat(Files.readAllLines(dir.resolve("graph/words.txt"))).containsExactly("<eps> 0", "la 1", "dolo 2");
    }

    @Test
    void synthesizerPlacesWordsWhereItSays() throws IOException {
        ToneAudio a = ToneAudio.builder().silence(0.5).words(java.util.List.of("one", "two"), 0.3).silence(1).build();
        assertThat(a.spans()).containsExactly(new ToneAudio.WordSpan("one", 0.5, 0.8),
                new ToneAudio.WordSpan("two", 1.1, 1.4));
        assertThat(a.seconds()).isCloseTo(2.4, within(1e-9));
        assertThat(a.pcm()[(int) (0.4 * 16000)]).isZero();
        assertThat(max(a.pcm(), 0.55, 0.6)).isBetween((short) 7900, (short) 8000);
        Path wav = tmp.resolve("t.wav");
        a.writeWav(wav);
        assertThat(Files.size(wav)).isEqualTo(44 + 2L * a.pcm().length);
        ToneAudio noisy = ToneAudio.builder().noise(30, 5).silence(1).build();
        double var = 0;
        for (short v : noisy.pcm()) {
            var += v * (double) v;
        }
        assertThat(Math.sqrt(var / noisy.pcm().length)).isCloseTo(30, within(1.0));
        assertThat(ToneAudio.builder().noise(30, 5).silence(1).build().pcm()).isEqualTo(noisy.pcm());
        assertThatThrownBy(() -> ToneAudio.builder().word("eleven")).hasMessageContaining("'eleven' is not a word");
    }

    private static short max(short[] pcm, double from, double to) {
        short m = 0;
        for (int i = (int) (from * 16000); i < (int) (to * 16000); i++) {
            m = (short) Math.max(m, pcm[i]);
        }
        return m;
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> fstinfo(Path fst) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : run("fstinfo", fst.toString()).split("\n")) {
            int i = line.lastIndexOf("  ");
            if (i > 0) {
                m.put(line.substring(0, i).strip(), line.substring(i).strip());
            }
        }
        return m;
    }

    static String run(String... cmd) throws Exception {
        return ExternalTools.exec(cmd);
    }
}
