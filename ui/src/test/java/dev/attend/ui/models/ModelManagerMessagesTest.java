package dev.attend.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.ui.i18n.I18n;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The model manager's messages: an offline download says so (not "ConnectException"), in the UI language. */
class ModelManagerMessagesTest {

    private static final ModelInfo EN = new ModelInfo("vosk-model-small-en-us-0.15", "en-us", 40_000_000, false,
            false);

    private static ModelService offline() {
        return new ModelService() {
            @Override
            public List<ModelInfo> installed() {
                return List.of();
            }

            @Override
            public List<ModelInfo> available() {
                return List.of(EN);
            }

            @Override
            public ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled)
                    throws Exception {
                throw new java.io.IOException("download failed", new ConnectException("Connection refused"));
            }

            @Override
            public void remove(ModelInfo model) {
            }

            @Override
            public void use(ModelInfo model) {
            }

            @Override
            public ModelInfo importFolder(Path folder) {
                return null;
            }
        };
    }

    @Test
    void anOfflineDownloadSaysTheMachineSeemsOffline() {
        I18n i18n = new I18n(I18n.ENGLISH);
        ModelManagerViewModel vm = new ModelManagerViewModel(offline(), dev.attend.ui.bridge.UiTasks.synchronous(),
                i18n);
        vm.download(EN);
        assertThat(vm.messageProperty().get()).startsWith("Cannot reach the model server")
                .doesNotContain("ConnectException");
        i18n.localeProperty().set(I18n.CHINESE);
        vm.download(EN);
        assertThat(vm.messageProperty().get()).startsWith("无法连接模型服务器");
    }

    @Test
    void languageCodesAreShownInTheUiLanguage() {
        assertThat(ModelManagerDialog.languageName("en-us (US English)", new I18n(I18n.CHINESE)))
                .isEqualTo("英语 (美国) · en-us");
        assertThat(ModelManagerDialog.languageName("?", new I18n(I18n.CHINESE))).isEqualTo("未知");
    }
}
