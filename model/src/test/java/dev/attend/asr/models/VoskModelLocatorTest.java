package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.config.AppDirs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery in Attend's folder, VOSK_MODEL_PATH, the system folder and Vosk's cache; defaults; resolve errors. */
class VoskModelLocatorTest {

    @TempDir
    Path tmp;

    private AppDirs dirs;
    private Path installRoot;
    private Path home;
    private Path shared;

    @BeforeEach
    void setUp() {
        dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        installRoot = dirs.models().resolve("vosk");
        home = tmp.resolve("home");
        shared = tmp.resolve("usr-share-vosk");
    }

    private VoskModelLocator locator(Map<String, String> env, Locale locale) {
        return new VoskModelLocator(dirs, new ModelEnvironment(env, home, "Linux", locale, List.of(shared)),
                VoskModelCatalog.builtIn());
    }

    @Test
    void findsModelsInEveryPlaceAndSaysWhere() throws IOException {
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-en-us-0.15"));
        Path envDir = tmp.resolve("env-models");
        FakeVoskModel.write(envDir.resolve("vosk-model-small-fr-0.22"));
        Path single = FakeVoskModel.write(tmp.resolve("one-model"));
        FakeVoskModel.write(shared.resolve("vosk-model-small-de-0.15"));
        FakeVoskModel.write(home.resolve(".cache/vosk/vosk-model-small-cn-0.22"));
        Files.createDirectories(home.resolve(".cache/vosk/not-a-model/am"));

        List<FoundModel> found = locator(Map.of("VOSK_MODEL_PATH", envDir + File.pathSeparator + single),
                Locale.US).discover();

        assertThat(found).extracting(FoundModel::name, FoundModel::source, FoundModel::lang).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vosk-model-small-en-us-0.15", ModelSource.ATTEND, "en-us"),
                org.assertj.core.groups.Tuple.tuple("vosk-model-small-fr-0.22", ModelSource.VOSK_MODEL_PATH, "fr"),
                org.assertj.core.groups.Tuple.tuple("one-model", ModelSource.VOSK_MODEL_PATH, ""),
                org.assertj.core.groups.Tuple.tuple("vosk-model-small-de-0.15", ModelSource.SYSTEM, "de"),
                org.assertj.core.groups.Tuple.tuple("vosk-model-small-cn-0.22", ModelSource.VOSK_CACHE, "cn"));
        assertThat(found.get(1).dir()).isEqualTo(envDir.resolve("vosk-model-small-fr-0.22").toAbsolutePath());
    }

    @Test
    void attendsOwnCopyWinsOverTheSameNameElsewhere() throws IOException {
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-de-0.15"));
        FakeVoskModel.write(shared.resolve("vosk-model-small-de-0.15"));
        assertThat(locator(Map.of(), Locale.GERMANY).discover()).singleElement()
                .extracting(FoundModel::source).isEqualTo(ModelSource.ATTEND);
    }

    @Test
    void hiddenTemporaryFoldersAreNeverModels() throws IOException {
        FakeVoskModel.write(installRoot.resolve(".installing-x-123"));
        assertThat(locator(Map.of(), Locale.US).discover()).isEmpty();
    }

    @Test
    void defaultFollowsTheSystemLanguage() throws IOException {
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-en-us-0.15"));
        FakeVoskModel.write(installRoot.resolve("vosk-model-cn-0.22"));
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-cn-0.22"));

        assertThat(locator(Map.of(), Locale.SIMPLIFIED_CHINESE).defaultModel()).get()
                .extracting(FoundModel::name).isEqualTo("vosk-model-small-cn-0.22");
        assertThat(locator(Map.of(), Locale.US).defaultModel()).get()
                .extracting(FoundModel::name).isEqualTo("vosk-model-small-en-us-0.15");
        assertThat(locator(Map.of(), Locale.UK).defaultModel()).get()
                .extracting(FoundModel::name).isEqualTo("vosk-model-small-en-us-0.15");
        // no model for the language: any model on the machine rather than none
        assertThat(locator(Map.of(), Locale.JAPAN).defaultModel()).isPresent();
    }

    @Test
    void recommendationByLocaleWhenNothingIsInstalled() {
        assertThat(locator(Map.of(), Locale.US).recommended()).get()
                .extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-en-us-0.15");
        assertThat(locator(Map.of(), Locale.CHINA).recommended()).get()
                .extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-cn-0.22");
        assertThat(locator(Map.of(), Locale.GERMANY).recommended()).get()
                .extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-de-0.15");
        assertThat(locator(Map.of(), Locale.forLanguageTag("ja-JP")).recommended()).get()
                .extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-ja-0.22");
        // a language without models falls back to English
        assertThat(locator(Map.of(), Locale.forLanguageTag("is-IS")).recommended()).get()
                .extracting(VoskModelInfo::name).isEqualTo("vosk-model-small-en-us-0.15");
        assertThatThrownBy(() -> locator(Map.of(), Locale.CHINA).resolve("default"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("no Vosk model is installed; run 'attend models install vosk-model-small-cn-0.22' "
                        + "(or pass --model DIR)");
    }

    @Test
    void systemLanguageCodes() {
        assertThat(VoskModelLocator.systemLang(Locale.US)).isEqualTo("en-us");
        assertThat(VoskModelLocator.systemLang(Locale.forLanguageTag("en-IN"))).isEqualTo("en-in");
        assertThat(VoskModelLocator.systemLang(Locale.TRADITIONAL_CHINESE)).isEqualTo("cn");
        assertThat(VoskModelLocator.systemLang(Locale.forLanguageTag("uk-UA"))).isEqualTo("ua");
        assertThat(VoskModelLocator.systemLang(Locale.FRANCE)).isEqualTo("fr");
        assertThat(VoskModelLocator.systemLang(Locale.ROOT)).isEqualTo("en-us");
    }

    @Test
    void theUsersChoiceWinsWhileItExists() throws IOException {
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-en-us-0.15"));
        FakeVoskModel.write(installRoot.resolve("vosk-model-small-de-0.15"));
        ModelSettings.of(dirs).setVoskModel("vosk-model-small-de-0.15");

        assertThat(locator(Map.of(), Locale.US).resolve("default"))
                .isEqualTo(installRoot.resolve("vosk-model-small-de-0.15").toAbsolutePath());

        VoskModelManager.deleteTree(installRoot.resolve("vosk-model-small-de-0.15"));
        assertThat(locator(Map.of(), Locale.US).resolve(null))
                .isEqualTo(installRoot.resolve("vosk-model-small-en-us-0.15").toAbsolutePath());
    }

    @Test
    void settingsKeepKeysTheyDoNotKnow() throws IOException {
        Files.createDirectories(dirs.config());
        Files.writeString(dirs.config().resolve("models.json"), "{\"other\": 7, \"vosk\": {\"x\": true}}");
        ModelSettings s = ModelSettings.of(dirs);
        s.setVoskModel("m");
        assertThat(s.voskModel()).contains("m");
        String json = Files.readString(s.file());
        assertThat(json).contains("\"other\" : 7").contains("\"x\" : true");
        Files.writeString(s.file(), "{broken");
        assertThatThrownBy(s::voskModel).isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void resolveAcceptsFoldersAndNamesAndExplainsFailures() throws IOException {
        Path dir = FakeVoskModel.write(tmp.resolve("somewhere/my-model"));
        FakeVoskModel.write(shared.resolve("vosk-model-small-de-0.15"));
        VoskModelLocator l = locator(Map.of(), Locale.US);

        assertThat(l.resolve(dir.toString())).isEqualTo(dir.toAbsolutePath());
        assertThat(l.resolve("vosk-model-small-de-0.15")).isEqualTo(shared.resolve("vosk-model-small-de-0.15")
                .toAbsolutePath());
        assertThatThrownBy(() -> l.resolve("vosk-model-small-fr-0.22")).isInstanceOf(ModelNotFoundException.class)
                .hasMessage("model 'vosk-model-small-fr-0.22' is not installed; run 'attend models install "
                        + "vosk-model-small-fr-0.22'");
        assertThatThrownBy(() -> l.resolve("x")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageStartingWith("unknown Vosk model 'x'");
        assertThatThrownBy(() -> l.resolve(tmp.resolve("nope").toString()))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> l.resolve(tmp.resolve("somewhere").toString()))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("has no am/final.mdl");
    }
}
