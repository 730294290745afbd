package dev.attend.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the installed Apertium (Debian apertium + apertium-eng-spa/-eng-cat, as .ci/run installs). */
class ApertiumTranslatorTest {

    private static final List<String> KNOWN = List.of(
            "Hello world.",
            "The house is red.",
            "I have 3 cats and 2 dogs.",
            "Where is the station?",
            "John Smith went to New York on 12 March 2024.",
            "It costs 3.50 euros, doesn't it?",
            "\"Good morning\", she said; then she left (quickly).",
            "The xyzzy frobnicates the glorp.",
            "a cat");

    private static ApertiumInstall install;
    private static ApertiumTranslator engSpa;

    @BeforeAll
    static void open() {
        install = ApertiumInstall.detect();
        engSpa = install.open("eng-spa");
    }

    @AfterAll
    static void close() {
        engSpa.close();
    }

    @Test
    void discoversInstalledPairsFromTheModesFolder() {
        assertThat(install.available()).isTrue();
        assertThat(install.pairs()).contains("eng-spa", "spa-eng", "eng-cat", "en-gl", "eo-en");
        assertThat(install.packageOf("eng-spa")).isEqualTo("apertium-eng-spa");
        assertThat(install.packageOf("gl-en")).isEqualTo("apertium-en-gl");
    }

    @Test
    void knownSentencesMatchTheApertiumCommandLine() throws Exception {
        for (String s : KNOWN) {
            Translation t = engSpa.translate(s);
            assertThat(t.marked()).as(s).isEqualTo(ApertiumOracle.translate("eng-spa", s));
            assertThat(t.source()).isEqualTo(s);
            assertThat(t.pair()).isEqualTo("eng-spa");
            assertThat(t.cached()).isFalse();
        }
        assertThat(engSpa.translate("The house is red.").target()).isEqualTo("La casa es roja.");
    }

    @Test
    void otherPairsMatchTheCommandLineToo() throws Exception {
        for (String pair : List.of("eng-cat", "en-gl")) {
            try (ApertiumTranslator t = install.open(pair)) {
                for (String s : List.of("The house is red.", "I have 3 cats.")) {
                    assertThat(t.translate(s).marked()).as(pair + ": " + s)
                            .isEqualTo(ApertiumOracle.translate(pair, s));
                }
            }
        }
    }

    @Test
    void unknownWordsAreFlaggedButNotMarkedInTheDisplayText() throws Exception {
        Translation t = engSpa.translate("The xyzzy frobnicates 3.14 cats, said John.");
        assertThat(t.marked()).isEqualTo(ApertiumOracle.translate("eng-spa",
                "The xyzzy frobnicates 3.14 cats, said John."));
        assertThat(t.marked()).contains("*xyzzy", "*frobnicates");
        assertThat(t.target()).doesNotContain("*").contains("xyzzy", "frobnicates", "3.14", "John");
        assertThat(t.unknownWords()).containsExactly("xyzzy", "frobnicates");
        for (Translation.UnknownWord u : t.unknown()) {
            assertThat(t.target().substring(u.start(), u.end())).isEqualTo(u.word());
            assertThat(u.kind()).isEqualTo(Translation.Kind.NOT_IN_DICTIONARY);
        }
    }

    @Test
    void literalMarkCharactersInTheInputAreNotTakenForUnknownWords() {
        Translation t = engSpa.translate("5 * 3 = 15 # yes @home");
        assertThat(t.target()).contains("5 * 3", "15 #", "@");
        assertThat(t.unknownWords()).doesNotContain("3", "15");
    }

    @Test
    void twoHundredSentencesInARowEachGetTheirOwnTranslation() throws Exception {
        List<String> base = List.of("The house is red.", "I have 3 cats.", "Where is the station?",
                "The xyzzy frobnicates.", "She reads a book.", "We went to the beach yesterday.");
        String veryLong = "the cat sat on the mat and the dog ate my homework ".repeat(200).substring(0, 10_000);
        List<String> odd = List.of("line one\nline two", "", "before\0after", veryLong, "blorf glimp",
                "paragraph one.\n\nparagraph two.", "   ", "[brackets] ^caret$ <angle> {brace} \\ /");
        Map<String, String> expected = new HashMap<>();
        for (String s : base) {
            expected.put(s, ApertiumOracle.translate("eng-spa", s));
        }
        ApertiumTranslator fresh = install.open("eng-spa");
        Map<String, String> perSentence = new HashMap<>();
        try (fresh) {
            for (String s : odd) {
                // the same text alone through a fresh pipeline: what it must give inside the sequence too
                perSentence.put(s, freshTranslation(s));
            }
            int checked = 0;
            for (int i = 0; i < 200; i++) {
                String s = i % 4 == 3 ? odd.get((i / 4) % odd.size()) : base.get(i % base.size());
                Translation t = fresh.translate(s);
                String want = expected.containsKey(s) ? expected.get(s) : perSentence.get(s);
                assertThat(t.marked()).as("sentence %d: %s", i, abbreviate(s)).isEqualTo(want);
                checked++;
            }
            assertThat(checked).isEqualTo(200);
            assertThat(fresh.starts()).isEqualTo(1);
        }
        assertThat(perSentence.get("")).isEmpty();
        assertThat(perSentence.get("line one\nline two")).contains("\n");
        assertThat(perSentence.get("before\0after")).doesNotContain("\0");
        assertThat(perSentence.get(veryLong).length()).isGreaterThan(8_000);
    }

    private static String freshTranslation(String s) {
        try (ApertiumTranslator single = install.open("eng-spa")) {
            return single.translate(s).marked();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Test
    void aKilledProcessIsRestartedAndTheNextRequestSucceeds() throws Exception {
        try (ApertiumTranslator t = install.open("eng-spa")) {
            assertThat(t.translate("The house is red.").target()).isEqualTo("La casa es roja.");
            List<Long> pids = t.processIds();
            assertThat(pids).hasSizeGreaterThan(3);
            // kill -9 a program in the middle of the pipeline
            kill("-9", pids.get(pids.size() / 2));
            assertThat(t.translate("I have 3 cats.").marked()).isEqualTo(ApertiumOracle.translate("eng-spa",
                    "I have 3 cats."));
            assertThat(t.starts()).isEqualTo(2);
            // and every program at once (destroyed from here)
            for (Long pid : t.processIds()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            assertThat(t.translate("The house is red.").target()).isEqualTo("La casa es roja.");
            assertThat(t.starts()).isEqualTo(3);
        }
    }

    @Test
    void aStuckRequestTimesOutWithAClearErrorAndThePipelineRestarts() throws Exception {
        try (ApertiumTranslator t = install.open("eng-spa", Duration.ofMillis(1500))) {
            t.warmUp();
            List<Long> pids = t.processIds();
            kill("-STOP", pids.get(2)); // a stage that stops reading: the request can never be answered
            try {
                assertThatThrownBy(() -> t.translate("The house is red."))
                        .isInstanceOf(TranslationTimeoutException.class)
                        .hasMessageContaining("eng-spa")
                        .hasMessageContaining("did not answer within");
            } finally {
                ProcessHandle.of(pids.get(2)).ifPresent(ProcessHandle::destroyForcibly); // never leave it stopped
            }
            assertThat(t.processIds()).isEmpty();
            assertThat(t.translate("The house is red.").target()).isEqualTo("La casa es roja.");
            assertThat(t.starts()).isEqualTo(2);
        }
    }

    @Test
    void aMissingPairGivesAClearErrorAndOtherPairsKeepWorking() {
        assertThatThrownBy(() -> install.open("eng-xyz"))
                .isInstanceOf(TranslatorUnavailableException.class)
                .hasMessageContaining("'eng-xyz' is not installed")
                .hasMessageContaining("apertium-eng-xyz")
                .satisfies(e -> assertThat(((TranslatorUnavailableException) e).debianPackage())
                        .isEqualTo("apertium-eng-xyz"));
        assertThatThrownBy(() -> install.open("../etc/passwd")).isInstanceOf(TranslatorUnavailableException.class)
                .hasMessageContaining("not an Apertium pair name");
        assertThat(engSpa.translate("Hello world.").target()).isEqualTo("Hola Mundo.");
    }

    @Test
    void noApertiumAtAllNamesThePackagesToInstall() {
        ApertiumInstall none = new ApertiumInstall(Path.of("/nonexistent/apertium"), List.of(Path.of("/nonexistent")));
        assertThat(none.available()).isFalse();
        assertThat(none.pairs()).isEmpty();
        assertThatThrownBy(() -> none.open("eng-spa"))
                .isInstanceOf(TranslatorUnavailableException.class)
                .hasMessageContaining("Apertium is not installed")
                .hasMessageContaining("apertium-eng-spa");
    }

    @Test
    void modeLinesAreSplitIntoPrograms() {
        assertThat(ApertiumMode.parse("lt-proc -z 'a b.bin' | apertium-tagger -z -g $2 x.prob | lt-proc -z $1 g.bin",
                "-g", "")).contains(List.of(List.of("lt-proc", "-z", "a b.bin"),
                List.of("apertium-tagger", "-z", "-g", "x.prob"), List.of("lt-proc", "-z", "-g", "g.bin")));
        assertThat(ApertiumMode.parse("cg-proc x.bin 2>/dev/null | lt-proc y", "-g", "")).isEmpty();
        assertThat(ApertiumMode.parse("a $(b) | c", "-g", "")).isEmpty();
    }

    @Test
    void withoutApertiumWblankModeTheModeGetsNullFlushFlagsItself(@org.junit.jupiter.api.io.TempDir Path bin)
            throws Exception {
        // a program folder with lt-proc (presence is all discovery checks) but no apertium-wblank-mode
        Path stub = java.nio.file.Files.writeString(bin.resolve("lt-proc"), "#!/bin/sh\n");
        assertThat(stub.toFile().setExecutable(true)).isTrue();
        ApertiumInstall bare = new ApertiumInstall(install.dataDir(), List.of(bin));
        List<List<String>> commands = ApertiumMode.commands(bare, bare.modeFile("eng-spa"));
        assertThat(commands).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.get(1)).isEqualTo("-z"));
        assertThat(commands.get(commands.size() - 2)).contains("-g");
        try (ApertiumTranslator t = new ApertiumTranslator("eng-spa", commands, Duration.ofSeconds(30))) {
            assertThat(t.translate("The house is red.").target()).isEqualTo("La casa es roja.");
        }
    }

    private static void kill(String signal, long pid) throws Exception {
        // bash's builtin kill: no dependency on procps in a minimal CI image
        Process k = new ProcessBuilder("bash", "-c", "kill " + signal + " " + pid).inheritIO().start();
        assertThat(k.waitFor()).isZero();
    }
}
