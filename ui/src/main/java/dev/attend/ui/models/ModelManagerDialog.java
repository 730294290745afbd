package dev.attend.ui.models;

import dev.attend.ui.i18n.I18n;
import java.io.File;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The model manager window: installed and available Vosk models, download with progress and cancel. */
public final class ModelManagerDialog {

    private final Stage stage = new Stage();
    private final VBox root;

    public ModelManagerDialog(Window owner, ModelManagerViewModel vm, I18n i18n) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.titleProperty().bind(i18n.text("models.title"));

        Label installedTitle = new Label();
        installedTitle.textProperty().bind(i18n.text("models.installed"));
        installedTitle.getStyleClass().add("title-4");
        TableView<ModelInfo> installed = table(vm.installed(), i18n, true);
        installed.setId("installedModels");
        Button use = new Button(null, new FontIcon(Material2MZ.PLAY_ARROW));
        use.textProperty().bind(i18n.text("models.use"));
        use.setOnAction(e -> vm.use(installed.getSelectionModel().getSelectedItem()));
        Button remove = new Button(null, new FontIcon(Material2AL.DELETE));
        remove.textProperty().bind(i18n.text("models.remove"));
        remove.setId("removeModel");
        remove.disableProperty().bind(installed.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            ModelInfo m = installed.getSelectionModel().getSelectedItem();
            if (m != null && confirmRemove(m, i18n)) {
                vm.remove(m);
            }
        });
        Button importBtn = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        importBtn.textProperty().bind(i18n.text("models.import"));
        importBtn.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            File dir = dc.showDialog(stage);
            if (dir != null) {
                vm.importFolder(dir.toPath());
            }
        });

        Button openFolder = new Button(null, new FontIcon(Material2AL.FOLDER));
        openFolder.textProperty().bind(i18n.text("models.openFolder"));
        openFolder.setId("openModelsFolder");
        openFolder.setOnAction(e -> vm.openFolder());
        Label disk = new Label();
        disk.setId("modelsDiskUsage");
        disk.textProperty().bind(vm.diskUsageProperty());

        Label availableTitle = new Label();
        availableTitle.textProperty().bind(i18n.text("models.available"));
        availableTitle.getStyleClass().add("title-4");
        // search by name or language (code or its name in the UI language): the catalogue has ~100 models
        javafx.collections.transformation.FilteredList<ModelInfo> shown = new javafx.collections.transformation
                .FilteredList<>(vm.available(), m -> true);
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("modelSearch");
        search.promptTextProperty().bind(i18n.text("models.search"));
        search.textProperty().addListener((o, a, q) -> {
            String needle = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
            shown.setPredicate(m -> needle.isEmpty() || m.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                    || languageName(m.language(), i18n).toLowerCase(java.util.Locale.ROOT).contains(needle));
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        TableView<ModelInfo> available = table(shown, i18n, false);
        available.setId("availableModels");
        Button download = new Button(null, new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        download.textProperty().bind(i18n.text("models.download"));
        download.setId("downloadModel");
        download.disableProperty().bind(vm.downloadingProperty()
                .or(available.getSelectionModel().selectedItemProperty().isNull()));
        download.setOnAction(e -> vm.download(available.getSelectionModel().getSelectedItem()));
        Button cancel = new Button(null, new FontIcon(Material2AL.CANCEL));
        cancel.textProperty().bind(i18n.text("models.cancel"));
        cancel.setId("cancelDownload");
        cancel.disableProperty().bind(vm.downloadingProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("downloadProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label rate = new Label();
        rate.setId("downloadRate");
        rate.textProperty().bind(vm.rateProperty());
        rate.setMinWidth(Label.USE_PREF_SIZE);
        Label offline = new Label(null, new FontIcon(Material2AL.CLOUD_OFF));
        offline.setId("builtInListNote");
        offline.textProperty().bind(i18n.text("models.builtInList"));
        offline.setWrapText(true);
        offline.getStyleClass().add("text-muted");
        offline.visibleProperty().bind(vm.builtInListProperty());
        offline.managedProperty().bind(offline.visibleProperty());
        Label msg = new Label();
        msg.setId("modelMessage");
        msg.textProperty().bind(vm.messageProperty());
        msg.setWrapText(true);

        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox installedActions = new HBox(8, use, remove, importBtn, openFolder, gap, disk);
        installedActions.setAlignment(Pos.CENTER_LEFT);
        Button close = new Button();
        close.textProperty().bind(i18n.text("dialog.close"));
        close.setId("closeModels");
        close.setCancelButton(true); // Esc closes the window
        close.setOnAction(e -> stage.hide());
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox closeRow = new HBox(8, grow, close);
        HBox downloadRow = new HBox(8, download, cancel, bar, rate);
        downloadRow.setAlignment(Pos.CENTER_LEFT);
        HBox availableHead = new HBox(12, availableTitle, search);
        availableHead.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, installedTitle, installed, installedActions, availableHead, offline, available,
                downloadRow, msg, closeRow);
        root.setPadding(new Insets(12));
        root.setId("modelManager");
        VBox.setVgrow(available, Priority.ALWAYS);
        stage.setScene(new Scene(root, 760, 660));
        dev.attend.ui.shell.WindowSize.hold(stage, 780, 700);
        stage.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        vm.refresh();
    }

    private static TableView<ModelInfo> table(javafx.collections.ObservableList<ModelInfo> items, I18n i18n,
                                              boolean showInUse) {
        TableView<ModelInfo> t = new TableView<>(items);
        t.setPrefHeight(160);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col(i18n, "models.name", m -> m.name() + (showInUse && m.inUse() ? "  ✓" : "")
                + (!showInUse && m.recommended() ? "  ★ " + i18n.get("models.recommended") : "")));
        t.getColumns().add(col(i18n, "models.language", m -> languageName(m.language(), i18n)));
        t.getColumns().add(col(i18n, "models.size", ModelInfo::sizeText));
        t.getColumns().get(0).setPrefWidth(340); // model names are long: they get the room
        t.getColumns().get(1).setPrefWidth(220);
        Label placeholder = new Label();
        placeholder.textProperty().bind(i18n.text(showInUse ? "models.noneInstalled" : "models.none"));
        placeholder.setWrapText(true);
        t.setPlaceholder(placeholder);
        return t;
    }

    private static TableColumn<ModelInfo, String> col(I18n i18n, String key,
                                                      java.util.function.Function<ModelInfo, String> f) {
        TableColumn<ModelInfo, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    /** Remove deletes the model folder: asked first. */
    private boolean confirmRemove(ModelInfo m, I18n i18n) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle(i18n.get("models.remove"));
        a.setHeaderText(i18n.get("models.removeConfirm", m.name(), m.sizeText()));
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(i18n.get("models.remove"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(yes, new javafx.scene.control.ButtonType(i18n.get("dialog.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        a.getDialogPane().setId("confirmRemove");
        a.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        a.getDialogPane().setStyle(root.getStyle());
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    /**
     * "en-us (US English)" as the service gives it, shown in the UI language ("英语 (美国)"); unknown codes say so.
     */
    static String languageName(String lang, I18n i18n) {
        String code = lang == null ? "" : lang.strip().split("[ (]")[0];
        if (code.isEmpty() || "?".equals(code)) {
            return i18n.get("models.langUnknown");
        }
        java.util.Locale l = java.util.Locale.forLanguageTag(code.replace('_', '-'));
        String name = l.getDisplayName(i18n.localeProperty().get());
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " · " + code;
    }

    public Stage stage() {
        return stage;
    }

    public Parent root() {
        return root;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
