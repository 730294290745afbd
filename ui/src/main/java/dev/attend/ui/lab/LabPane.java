package dev.attend.ui.lab;

import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.AttentionView;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.shell.Notifications;
import dev.attend.ui.transcript.TranscriptViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The right-hand lab: tabs for the maps (the attention view with the signal strip on its time axis, "pass i of
 * n", the live rate and the exports), the architecture (diagram and formulas), the heads over time and the speaker
 * map. Redraws only the visible tab, and only when its state changed.
 */
public final class LabPane extends TabPane {

    private final LabViewModel vm;
    private final AttentionView maps;
    private final TranscriptViewModel transcript;
    private final I18n i18n;
    private final Notifications notices;
    private final SignalStrip strip;
    private final Label pass = new Label();
    private final dev.attend.ui.attention.ThrottledText passText = new dev.attend.ui.attention.ThrottledText(pass);
    // the tabs other than Maps are built on first view (start-up time, docs/performance.md)
    private ArchitectureDiagram diagram;
    private FormulaPanel formulas;
    private HeadPlots plots;
    private SpeakerPcaView speakers;
    private final Tab mapsTab = new Tab();
    private final Tab archTab = new Tab();
    private final Tab headsTab = new Tab();
    private final Tab speakersTab = new Tab();
    private VBox arch;
    private final List<javafx.scene.Node> archExtras = new java.util.ArrayList<>();
    private long drawnMaps = -1;
    private long drawnSignals = -1;
    private long shownPasses;

    public LabPane(LabViewModel vm, AttentionView maps, TranscriptViewModel transcript, I18n i18n,
                   Notifications notices) {
        this.vm = vm;
        this.maps = maps;
        this.transcript = transcript;
        this.i18n = i18n;
        this.notices = notices;
        setId("labPane");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        strip = new SignalStrip(vm.signals());
        strip.managedProperty().bind(strip.visibleProperty());
        pass.setId("labPass");
        pass.getStyleClass().add("text-small");
        Button png = new Button(null, new FontIcon(Material2AL.IMAGE));
        png.setId("exportMapPng");
        png.textProperty().bind(i18n.text("lab.exportPng"));
        png.setOnAction(e -> choose("lab.exportPng", "map.png", "PNG", "*.png").ifPresent(this::savePng));
        Button json = new Button(null, new FontIcon(Material2AL.CODE));
        json.setId("exportPassJson");
        json.textProperty().bind(i18n.text("lab.exportJson"));
        json.setOnAction(e -> choose("lab.exportJson", "pass.json", "JSON", "*.json").ifPresent(this::saveJson));
        for (Button b : List.of(png, json)) {
            b.getStyleClass().add("small");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox passRow = new HBox(6, pass, gap, png, json);
        passRow.setAlignment(Pos.CENTER_LEFT);
        maps.decorateMap(strip, passRow);
        mapsTab.setContent(maps);
        mapsTab.textProperty().bind(i18n.text("lab.tab.maps"));

        archTab.textProperty().bind(i18n.text("lab.tab.architecture"));
        headsTab.textProperty().bind(i18n.text("lab.tab.heads"));
        speakersTab.textProperty().bind(i18n.text("lab.tab.speakers"));

        mapsTab.setId("labMapsTab");
        archTab.setId("labArchTab");
        headsTab.setId("labHeadsTab");
        speakersTab.setId("labSpeakersTab");
        getTabs().addAll(mapsTab, archTab, headsTab, speakersTab);
        relabel();
        i18n.localeProperty().addListener((o, a, b) -> relabel());
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            build(b);
            drawnMaps = -1;
            drawnSignals = -1;
        });
    }

    /** Builds a tab's content on its first view. */
    private void build(Tab tab) {
        if (tab == archTab && arch == null) {
            diagram = new ArchitectureDiagram(vm, i18n, this::afterClick);
            formulas = new FormulaPanel(vm, i18n);
            Label formulasTitle = new Label();
            formulasTitle.textProperty().bind(i18n.text("lab.formulas"));
            formulasTitle.getStyleClass().add("title-4");
            arch = new VBox(8, diagram, formulasTitle, formulas);
            arch.getChildren().addAll(archExtras);
            arch.setPadding(new Insets(8));
            ScrollPane archScroll = new ScrollPane(arch);
            archScroll.setFitToWidth(true);
            archTab.setContent(archScroll);
        } else if (tab == headsTab && plots == null) {
            plots = new HeadPlots(vm.signals());
            VBox heads = new VBox(6, hint("lab.headsHint"), plots);
            VBox.setVgrow(plots, Priority.ALWAYS);
            heads.setPadding(new Insets(8));
            headsTab.setContent(heads);
            relabel();
        } else if (tab == speakersTab && speakers == null) {
            speakers = new SpeakerPcaView(vm.speakers());
            VBox spk = new VBox(6, hint("lab.speakersHint"), speakers);
            VBox.setVgrow(speakers, Priority.ALWAYS);
            spk.setPadding(new Insets(8));
            speakersTab.setContent(spk);
            relabel();
        }
    }

    private Label hint(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setWrapText(true);
        l.getStyleClass().addAll("text-small", "text-muted");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void relabel() {
        strip.setLabels(i18n.get("lab.stripAudio"), i18n.get("lab.stripMouth"));
        if (plots != null) {
            plots.setLabels(i18n.get("lab.plotSync"), i18n.get("lab.plotAddressee"), i18n.get("lab.plotIntent"),
                    i18n.get("lab.face"), i18n.get("lab.noFace"), i18n.get("lab.threshold"));
        }
        if (speakers != null) {
            speakers.setTexts(i18n.get("lab.speakersEmpty"), i18n.get("lab.pc1"), i18n.get("lab.pc2"));
        }
        drawnMaps = -1;
        drawnSignals = -1;
    }

    private void afterClick(ArchBlock b) {
        if (b.mapBlock() != null || b == ArchBlock.MULTI_HEAD) {
            getSelectionModel().select(mapsTab);
        } else if (b.row() == ArchBlock.ROWS - 1 || b == ArchBlock.FFN) {
            getSelectionModel().select(headsTab);
        }
        drawnMaps = -1;
    }

    /** One redraw per pulse, of the visible tab only. */
    public void refresh() {
        if (!isVisible() || getScene() == null) {
            return;
        }
        maps.refresh();
        passText.flush();
        Tab tab = getSelectionModel().getSelectedItem();
        long mv = vm.attention().version();
        long sv = vm.signals().version();
        // the strip spans the shown map's key axis, whose signals arrived before the map: it is redrawn with the
        // map, not with every level/face event in between (~35 a second live)
        if (tab == mapsTab && mv != drawnMaps) {
            AttentionMap m = vm.attention().current();
            boolean time = m != null && m.keyTimes() != null;
            strip.setVisible(time);
            if (time) {
                strip.show(m, AttentionView.wordMarks(m, transcript.finals()));
            }
            shownPasses++;
            int[] p = vm.passPosition();
            double rate = vm.signals().passesPerSecond();
            boolean live = LabViewModel.FUSION.equals(vm.attention().sourceProperty().get());
            passText.set(p[1] == 0 ? "" : i18n.get("lab.pass", p[0], p[1])
                    + (live && rate > 0 ? " · " + i18n.get("lab.rate", String.format(Locale.ROOT, "%.1f", rate)) : ""),
                    !live || vm.attention().frozenProperty().get());
        } else if (tab == archTab && mv != drawnMaps) {
            diagram.refresh();
            formulas.refresh();
        } else if (tab == headsTab && sv != drawnSignals) {
            plots.draw();
        } else if (tab == speakersTab) {
            speakers.refresh();
        }
        drawnMaps = mv;
        drawnSignals = sv;
    }

    /** Map states drawn since the lab opened (the bench counts them). */
    public long shownPasses() {
        return shownPasses;
    }

    private java.util.Optional<Path> choose(String titleKey, String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get(titleKey));
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        java.io.File f = fc.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    /** Writes the heatmap as shown (with its colour scale and labels) as PNG. */
    public void savePng(Path file) {
        try {
            PngWriter.write(maps.heatmap(), file);
            notices.success(i18n.get("lab.exported", file.getFileName()));
        } catch (IOException | RuntimeException e) {
            notices.error(i18n.get("lab.exportFailed", file.getFileName(), e.getMessage()), e);
        }
    }

    /** Writes every map of the shown pass as JSON. */
    public void saveJson(Path file) {
        try {
            java.nio.file.Files.writeString(file, vm.passJson());
            notices.success(i18n.get("lab.exported", file.getFileName()));
        } catch (IOException | RuntimeException e) {
            notices.error(i18n.get("lab.exportFailed", file.getFileName(), e.getMessage()), e);
        }
    }

    public ArchitectureDiagram diagram() {
        build(archTab);
        return diagram;
    }

    public FormulaPanel formulas() {
        build(archTab);
        return formulas;
    }

    public HeadPlots plots() {
        build(headsTab);
        return plots;
    }

    public SpeakerPcaView speakerMap() {
        build(speakersTab);
        return speakers;
    }

    public SignalStrip strip() {
        return strip;
    }

    public Label passLabel() {
        return pass;
    }

    /** Adds {@code node} under the architecture tab's formulas (the way to the Training window). */
    public void addToArchitecture(javafx.scene.Node node) {
        archExtras.add(node);
        if (arch != null) {
            arch.getChildren().add(node);
        }
    }

    public Tab mapsTab() {
        return mapsTab;
    }

    public Tab architectureTab() {
        return archTab;
    }

    public Tab headsTab() {
        return headsTab;
    }

    public Tab speakersTab() {
        return speakersTab;
    }
}
