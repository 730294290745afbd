package dev.attend.ui.lab;

import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The seed's formulas (scaled dot-product attention, multi-head, InfoNCE, the uncertainty-weighted multi-task
 * loss), each with a line of live numbers: the clicked query's scores and weights, the heads of the shown block,
 * the checkpoint's temperature and learned task weights.
 */
public final class FormulaPanel extends VBox {

    static final String ATTENTION = "Attention(Q, K, V) = softmax(QK^{T} / √d_{k}) V";
    static final String MULTI_HEAD = "MultiHead(Q, K, V) = Concat(head_{1}, …, head_{h}) W^{O}";
    static final String HEAD = "head_{i} = Attention(QW_{i}^{Q}, KW_{i}^{K}, VW_{i}^{V})";
    static final String INFO_NCE = "L_{NCE} = −log [ exp(sim(z_{a}, z_{v}^{+}) / τ) / Σ_{j} exp(sim(z_{a}, z_{j}) / τ) ]";
    static final String MULTI_TASK = "L = ½ Σ_{i} [ exp(−s_{i}) L_{i} + s_{i} ]";

    private final LabViewModel vm;
    private final I18n i18n;
    private final Label attentionLive = live("formulaAttentionLive");
    private final Label headsLive = live("formulaHeadsLive");
    private final Label nceLive = live("formulaNceLive");
    private final Label lossLive = live("formulaLossLive");

    public FormulaPanel(LabViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setSpacing(4);
        setId("formulaPanel");
        getChildren().addAll(
                title("formula.attention"), MathText.of(ATTENTION, 15), attentionLive,
                title("formula.multiHead"), MathText.of(MULTI_HEAD, 15), MathText.of(HEAD, 13), headsLive,
                title("formula.infoNce"), MathText.of(INFO_NCE, 14), nceLive,
                title("formula.multiTask"), MathText.of(MULTI_TASK, 15), lossLive);
    }

    private Label title(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("text-bold");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label live(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll("text-small", "formula-live");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Fills the live lines from what is on screen now. */
    public void refresh() {
        AttentionViewModel a = vm.attention();
        AttentionMap m = a.current();
        FusionFacts f = FUSION.equals(m == null ? null : m.source()) ? vm.factsProperty().get() : null;
        int q = a.selectedRowProperty().get();
        List<AttentionViewModel.FormulaRow> rows = a.formula();
        attentionLive.setText(attentionLine(m, q, rows, f));
        headsLive.setText(headsLine(m, q, f));
        FusionFacts facts = vm.factsProperty().get();
        nceLive.setText(facts == null || Double.isNaN(facts.temperature()) ? i18n.get("formula.noModel")
                : i18n.get("formula.nceLive", fmt(facts.temperature())));
        lossLive.setText(lossLine(facts));
    }

    private static final String FUSION = LabViewModel.FUSION;

    private String attentionLine(AttentionMap m, int q, List<AttentionViewModel.FormulaRow> rows, FusionFacts f) {
        if (m == null || q < 0 || q >= m.rows()) {
            return i18n.get("formula.clickQuery");
        }
        if (rows.isEmpty()) {
            return i18n.get("formula.noScores", m.queryLabel(q));
        }
        int best = 0;
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < rows.size(); j++) {
            sum += rows.get(j).exp();
            if (rows.get(j).exp() > 0 && rows.get(j).score() > max) { // keys the causal mask hides do not count
                max = rows.get(j).score();
                best = j;
            }
        }
        AttentionViewModel.FormulaRow r = rows.get(best);
        String dk = f == null ? "d_k" : Integer.toString(f.dk());
        return i18n.get("formula.attentionLive", m.queryLabel(q), rows.size(), dk, fmt(r.score()), r.key(),
                fmt(sum), fmt(r.softmax()), fmt(r.weight()));
    }

    private String headsLine(AttentionMap m, int q, FusionFacts f) {
        if (m == null) {
            return i18n.get("formula.clickQuery");
        }
        AttentionViewModel.Group g = vm.attention().shownGroup();
        String sizes = f == null ? "" : i18n.get("formula.headSizes", f.heads(), f.dModel(), f.dk()) + " ";
        if (g == null || q < 0 || q >= m.rows()) {
            return sizes + i18n.get("formula.clickQuery");
        }
        // the weight each head of this block and layer gives the query's strongest key (of the mean map)
        int key = 0;
        for (int j = 1; j < m.cols(); j++) {
            if (m.weights()[q][j] > m.weights()[q][key]) {
                key = j;
            }
        }
        List<String> parts = new ArrayList<>();
        for (AttentionMap h : g.maps()) {
            if (h.block().equals(m.block()) && h.layer() == m.layer() && h.rows() == m.rows()
                    && h.cols() == m.cols()) {
                parts.add(i18n.get("attention.headN", h.head()) + " " + fmt(h.weights()[q][key]));
            }
        }
        return sizes + i18n.get("formula.headsLive", m.queryLabel(q), m.keyLabel(key), String.join(", ", parts));
    }

    private String lossLine(FusionFacts f) {
        if (f == null || f.logVars().length == 0) {
            return i18n.get("formula.noModel");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < f.tasks().size(); i++) {
            parts.add(i18n.get("task." + f.tasks().get(i)) + " " + fmt(f.taskWeight(i)));
        }
        return i18n.get("formula.lossLive", String.join(", ", parts));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
    }

    /** The live lines' text, for tests. */
    public String attentionLiveText() {
        return attentionLive.getText();
    }

    public String headsLiveText() {
        return headsLive.getText();
    }

    public String lossLiveText() {
        return lossLive.getText();
    }
}
