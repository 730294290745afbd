package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.TestModels;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneModelSpec;
import dev.attend.asr.vosk.VoskRecognizer;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real libvosk: a generated tone model, zipped like the official archives and served on 127.0.0.1,
 * is downloaded, MD5-checked and installed by the manager, found by name, and then decodes tone speech exactly.
 */
@Timeout(120)
class ToneModelInstallTest {

    private static final String NAME = "vosk-model-tone-xx-0.1";

    @TempDir
    Path tmp;

    @Test
    void aZippedToneModelInstallsIsFoundByNameAndDecodes() throws IOException {
        Path generated = TestModels.write(ToneModelSpec.defaults());
        AppDirs dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        ModelEnvironment env = new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of());
        try (LocalModelServer server = new LocalModelServer()) {
            ZippedModel zip = new ZippedModel(generated, NAME);
            server.add(zip);
            VoskModelManager manager = new VoskModelManager(dirs, env, ModelDownloader.defaultClient(),
                    server.catalogUri(), ExtractionLimits.DEFAULT);
            assertThat(manager.refreshCatalog().find(NAME)).isPresent();

            List<String> warnings = new ArrayList<>();
            Path installed = manager.install(NAME, new InstallListener() {
                @Override
                public void onWarning(String message) {
                    warnings.add(message);
                }
            }, new Cancellation());

            assertThat(warnings).as("the served MD5 was checked, so no 'unverified' warning").isEmpty();
            assertThat(installed).isEqualTo(VoskModelLocator.installRoot(dirs).resolve(NAME));
            VoskModelLocator locator = new VoskModelLocator(dirs, env);
            assertThat(locator.find(NAME)).get().extracting(FoundModel::source).isEqualTo(ModelSource.ATTEND);
            Path resolved = locator.resolve(NAME);
            assertThat(resolved).isEqualTo(installed.toAbsolutePath().normalize());
            for (String file : List.of("am/final.mdl", "conf/model.conf", "graph/HCLG.fst", "graph/words.txt")) {
                assertThat(Files.readAllBytes(resolved.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(generated.resolve(file)));
            }

            ToneAudio audio = ToneAudio.utterance(List.of("three", "one", "four", "one", "five"), 0.3);
            try (VoskRecognizer r = VoskRecognizer.open(resolved, RecognizerOptions.defaults())) {
                List<RecognitionResult.Utterance> finals = decode(r, audio.pcm16le());
                assertThat(finals).singleElement().satisfies(u -> {
                    assertThat(u.text()).isEqualTo("three one four one five");
                    assertThat(u.words()).hasSize(5);
                    for (int i = 0; i < 5; i++) {
                        assertThat(u.words().get(i).start()).isCloseTo(audio.spans().get(i).start(), within(0.06));
                        assertThat(u.words().get(i).end()).isCloseTo(audio.spans().get(i).end(), within(0.06));
                    }
                });
            }
        }
    }

    private static List<RecognitionResult.Utterance> decode(VoskRecognizer r, byte[] pcm) {
        List<RecognitionResult.Utterance> finals = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += 3200) {
            int n = Math.min(3200, pcm.length - off);
            RecognitionResult.Utterance u = r.acceptPcm16le(Arrays.copyOfRange(pcm, off, off + n), n);
            if (u != null && !u.isEmpty()) {
                finals.add(u);
            }
        }
        RecognitionResult.Utterance last = r.finish();
        if (!last.isEmpty()) {
            finals.add(last);
        }
        return finals;
    }
}
