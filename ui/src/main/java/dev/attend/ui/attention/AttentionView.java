package dev.attend.ui.attention;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.transcript.TranscriptViewModel;
import dev.attend.ui.transcript.Utterance;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The attention lab: pickers, heatmap and the formula view for the clicked query row. Redraws only when visible
 * and something changed.
 */
public final class AttentionView extends VBox {

    private final AttentionViewModel vm;
    private final TranscriptViewModel transcript;
    private final HeatmapCanvas heatmap = new HeatmapCanvas();
    private final TableView<AttentionViewModel.FormulaRow> formula = new TableView<>();
    private final Label info = new Label();
    private final ThrottledText infoText = new ThrottledText(info);
    private final TextField analyzeField = new TextField();
    private final Label empty = new Label();
    private final VBox mapBox = new VBox(6);
    private long drawn = -1;
    private String typedLabel = "";
    private String uttLabel = "";
    private String stepLabel = "";

    /**
     * @param analyze runs the text model on a typed sentence (its attention events come back through the bridge)
     */
    public AttentionView(AttentionViewModel vm, TranscriptViewModel transcript, I18n i18n,
                         Consumer<String> analyze) {
        this.vm = vm;
        this.transcript = transcript;
        setId("attentionLab");
        setSpacing(6);
        setPadding(new Insets(6));

        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setId("attnSource");
        ComboBox<String> block = new ComboBox<>(vm.blocks());
        block.valueProperty().bindBidirectional(vm.blockProperty());
        ComboBox<Integer> layer = new ComboBox<>(vm.layers());
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        layer.setConverter(intConverter(i18n, "attention.layerN", null));
        layer.setId("attnLayer");
        ComboBox<Integer> head = new ComboBox<>(vm.heads());
        head.valueProperty().bindBidirectional(vm.headProperty());
        head.setConverter(intConverter(i18n, "attention.headN", "attention.average"));
        head.setId("attnHead");
        ToggleButton freeze = new ToggleButton(null, new FontIcon(Material2MZ.PAUSE));
        freeze.selectedProperty().bindBidirectional(vm.frozenProperty());
        freeze.textProperty().bind(i18n.text("attention.freeze"));
        freeze.setId("attnFreeze");
        Button back = new Button(null, new FontIcon(Material2AL.CHEVRON_LEFT));
        back.setOnAction(e -> vm.step(-1));
        Button fwd = new Button(null, new FontIcon(Material2AL.CHEVRON_RIGHT));
        fwd.setOnAction(e -> vm.step(1));
        fwd.setId("attnStep");
        FlowPane bar = new FlowPane(6, 6, source, block, layer, head, freeze, back, fwd);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextField text = analyzeField;
        text.setId("analyzeField");
        text.promptTextProperty().bind(i18n.text("attention.analyzePrompt"));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button run = new Button(null, new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("analyzeButton");
        run.textProperty().bind(i18n.text("attention.analyze"));
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(vm.analyzingProperty().or(text.textProperty().isEmpty()));
        Runnable go = () -> {
            if (!text.getText().isBlank() && !vm.analyzingProperty().get()) {
                analyze.accept(text.getText().strip());
            }
        };
        run.setOnAction(e -> go.run());
        text.setOnAction(e -> go.run());
        HBox analyzeRow = new HBox(6, text, run);
        analyzeRow.setAlignment(Pos.CENTER_LEFT);
        Label analysisMessage = new Label();
        analysisMessage.textProperty().bind(vm.analysisMessageProperty());
        analysisMessage.setWrapText(true);
        analysisMessage.getStyleClass().add("text-muted");
        analysisMessage.setId("analysisMessage");
        analysisMessage.visibleProperty().bind(vm.analysisMessageProperty().isNotEmpty());
        analysisMessage.managedProperty().bind(analysisMessage.visibleProperty());

        Label title = new Label();
        title.textProperty().bind(i18n.text("attention.title"));
        title.getStyleClass().add("title-4");
        empty.textProperty().bind(i18n.text("attention.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        empty.managedProperty().bind(empty.visibleProperty());
        info.getStyleClass().add("text-small");
        info.setWrapText(true);

        heatmap.setOnRowClicked(r -> vm.selectedRowProperty().set(r));
        heatmap.setId("heatmap");
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        heatmap.setPrefHeight(300);

        formula.setId("formula");
        formula.setPrefHeight(160);
        formula.getStyleClass().addAll("dense", "formula-table");
        formula.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        formula.getColumns().add(col(i18n, "attention.key", r -> r.key()));
        formula.getColumns().add(col(i18n, "attention.score", r -> String.format("%.4f", r.score())));
        formula.getColumns().add(col(i18n, "attention.exp", r -> String.format("%.4f", r.exp())));
        formula.getColumns().add(col(i18n, "attention.softmax", r -> String.format("%.5f", r.softmax())));
        formula.getColumns().add(col(i18n, "attention.weight", r -> String.format("%.5f", r.weight())));
        sizeColumns();
        Label formulaEmpty = new Label();
        formulaEmpty.textProperty().bind(i18n.text("attention.formulaEmpty"));
        formulaEmpty.setWrapText(true);
        formula.setPlaceholder(formulaEmpty);
        source.promptTextProperty().bind(i18n.text("attention.source"));
        block.promptTextProperty().bind(i18n.text("attention.block"));
        layer.promptTextProperty().bind(i18n.text("attention.layer"));
        head.promptTextProperty().bind(i18n.text("attention.head"));
        Label formulaHint = new Label();
        formulaHint.textProperty().bind(i18n.text("attention.formula"));
        formulaHint.getStyleClass().add("text-small");
        formulaHint.setWrapText(true);
        // wrapped labels keep all their lines when the heatmap takes the height (else CJK text is cut to one line)
        formulaHint.setMinHeight(Region.USE_PREF_SIZE);
        info.setMinHeight(Region.USE_PREF_SIZE);
        empty.setMinHeight(Region.USE_PREF_SIZE);
        analysisMessage.setMinHeight(Region.USE_PREF_SIZE);

        // heatmap above, formula below, the divider between them the user's: the table keeps several rows
        VBox top = mapBox;
        top.getChildren().setAll(empty, heatmap, info);
        VBox bottom = new VBox(4, formulaHint, formula);
        VBox.setVgrow(formula, Priority.ALWAYS);
        formula.setMinHeight(90);
        heatmap.setMinHeight(120);
        javafx.scene.control.SplitPane mapAndFormula = new javafx.scene.control.SplitPane(top, bottom);
        mapAndFormula.setOrientation(javafx.geometry.Orientation.VERTICAL);
        mapAndFormula.setDividerPositions(0.64);
        mapAndFormula.getStyleClass().add("lab-split");
        VBox.setVgrow(mapAndFormula, Priority.ALWAYS);
        getChildren().addAll(title, analyzeRow, analysisMessage, bar, mapAndFormula);
        typedLabel = i18n.get("attention.typed");
        uttLabel = i18n.get("attention.utterance");
        stepLabel = i18n.get("attention.step");
        i18n.localeProperty().addListener((o, a, b) -> {
            typedLabel = i18n.get("attention.typed");
            uttLabel = i18n.get("attention.utterance");
            stepLabel = i18n.get("attention.step");
        });
        visibleProperty().addListener((o, a, b) -> drawn = -1);
        i18n.localeProperty().addListener((o, a, b) -> drawn = -1);
    }

    /** A key column wide enough for its labels; the numbers share the rest so their headers are not cut. */
    private void sizeColumns() {
        var cols = formula.getColumns();
        // key, score, exp(s − max), softmax, weight (flexes); the key ("12.48s", a word piece) never goes under
        // what it needs, else a 1024 px window showed "6.…"
        double[] widths = {58, 70, 86, 66, 60};
        for (int i = 0; i < cols.size() && i < widths.length; i++) {
            cols.get(i).setPrefWidth(widths[i]);
        }
        cols.get(0).setMinWidth(58);
    }

    private static TableColumn<AttentionViewModel.FormulaRow, String> col(
            I18n i18n, String key, java.util.function.Function<AttentionViewModel.FormulaRow, String> f) {
        TableColumn<AttentionViewModel.FormulaRow, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static StringConverter<Integer> intConverter(I18n i18n, String key, String averageKey) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                if (v == null) {
                    return "";
                }
                return v == AttentionViewModel.AVERAGE && averageKey != null ? i18n.get(averageKey)
                        : i18n.get(key, v);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
    }

    /** Adds nodes right above the heatmap (e.g. a signal strip on its time axis) and below its caption. */
    public void decorateMap(javafx.scene.Node above, javafx.scene.Node below) {
        mapBox.getChildren().add(mapBox.getChildren().indexOf(heatmap), above);
        mapBox.getChildren().add(below);
    }

    /** The "Analyze text" field (the screenshot hook types into it). */
    public TextField analyzeField() {
        return analyzeField;
    }

    public HeatmapCanvas heatmap() {
        return heatmap;
    }

    /** Redraws if visible and changed (hidden labs cost nothing). */
    public void refresh() {
        if (!isVisible() || getScene() == null) {
            return;
        }
        infoText.flush();
        if (vm.version() == drawn) {
            return;
        }
        drawn = vm.version();
        AttentionMap m = vm.current();
        empty.setVisible(m == null);
        heatmap.show(m, vm.selectedRowProperty().get(), m == null ? List.of() : wordMarks(m, transcript.finals()),
                m == null ? List.of() : WordSpans.rows(m, transcript.finals()));
        List<AttentionViewModel.FormulaRow> rows = vm.formula();
        if (!rows.equals(formula.getItems())) { // a table update costs CSS and text layout of every visible cell
            formula.getItems().setAll(rows);
        }
        if (m != null) {
            // a streaming source's caption changes every pass: throttled; a transcript's or a frozen one's at once
            infoText.set(dev.attend.event.TypedTextEvent.isTyped(m.utterance()) // a typed sentence: no media time
                    ? String.format("%s · %s · %s · %d×%d", m.source(), typedLabel, m.block(), m.rows(), m.cols())
                    : String.format("%s · %s · %s · %d×%d · t=%.2fs", m.source(),
                    ("fusion".equals(m.source()) ? stepLabel : uttLabel) + " " + m.utterance(),
                    m.block(), m.rows(), m.cols(), m.t()), !"fusion".equals(m.source()) || vm.frozenProperty().get());
        } else {
            infoText.set("", true);
        }
    }

    /** Vosk word spans on a media-time key axis ({@link WordSpans#marks}). */
    public static List<double[]> wordMarks(AttentionMap m, List<Utterance> finals) {
        return WordSpans.marks(m, finals);
    }
}
