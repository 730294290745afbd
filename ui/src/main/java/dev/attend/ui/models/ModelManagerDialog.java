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
        remove.setOnAction(e -> vm.remove(installed.getSelectionModel().getSelectedItem()));
        Button importBtn = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        importBtn.textProperty().bind(i18n.text("models.import"));
        importBtn.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            File dir = dc.showDialog(stage);
            if (dir != null) {
                vm.importFolder(dir.toPath());
            }
        });

        Label availableTitle = new Label();
        availableTitle.textProperty().bind(i18n.text("models.available"));
        availableTitle.getStyleClass().add("title-4");
        TableView<ModelInfo> available = table(vm.available(), i18n, false);
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
        Label msg = new Label();
        msg.setId("modelMessage");
        msg.textProperty().bind(vm.messageProperty());
        msg.setWrapText(true);

        HBox installedActions = new HBox(8, use, remove, importBtn);
        HBox downloadRow = new HBox(8, download, cancel, bar);
        downloadRow.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, installedTitle, installed, installedActions, availableTitle, available, downloadRow, msg);
        root.setPadding(new Insets(12));
        root.setId("modelManager");
        VBox.setVgrow(available, Priority.ALWAYS);
        stage.setScene(new Scene(root, 760, 620));
        vm.refresh();
    }

    private static TableView<ModelInfo> table(javafx.collections.ObservableList<ModelInfo> items, I18n i18n,
                                              boolean showInUse) {
        TableView<ModelInfo> t = new TableView<>(items);
        t.setPrefHeight(160);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col(i18n, "models.name", m -> m.name() + (showInUse && m.inUse() ? "  ✓" : "")));
        t.getColumns().add(col(i18n, "models.language", ModelInfo::language));
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
