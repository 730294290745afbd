package dev.attend.ui.lab;

import dev.attend.ui.i18n.I18n;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The seed's pipeline drawn top to bottom, one row per stage (inputs → encoders → self-attention → cross-modal
 * attention → multi-head → FFN → heads), arrows between rows. The box whose maps are shown is highlighted; a click
 * shows that box (its maps, or its plots); hovering gives the live tensor shapes.
 */
public final class ArchitectureDiagram extends VBox {

    private final LabViewModel vm;
    private final Map<ArchBlock, Label> boxes = new EnumMap<>(ArchBlock.class);
    private final Consumer<ArchBlock> onClick;

    /** @param onClick runs after the view-model has shown the clicked box (the lab switches its tab) */
    public ArchitectureDiagram(LabViewModel vm, I18n i18n, Consumer<ArchBlock> onClick) {
        this.vm = vm;
        this.onClick = onClick;
        setId("archDiagram");
        setSpacing(0);
        setFillWidth(true);
        for (int row = 0; row < ArchBlock.ROWS; row++) {
            if (row > 0) {
                Label arrow = new Label("↓");
                arrow.getStyleClass().add("arch-arrow");
                arrow.setMaxWidth(Double.MAX_VALUE);
                arrow.setAlignment(Pos.CENTER);
                getChildren().add(arrow);
            }
            Label title = new Label();
            title.textProperty().bind(i18n.text("arch.row." + row));
            title.getStyleClass().addAll("text-small", "text-muted");
            HBox line = new HBox(4);
            line.setAlignment(Pos.CENTER);
            for (ArchBlock b : ArchBlock.values()) {
                if (b.row() == row) {
                    line.getChildren().add(box(b, i18n));
                }
            }
            getChildren().addAll(title, line);
        }
    }

    private Label box(ArchBlock b, I18n i18n) {
        Label l = new Label();
        l.setId("arch-" + b.name());
        l.textProperty().bind(i18n.text(b.labelKey()));
        l.getStyleClass().add("arch-block");
        if (b.modality() != null) {
            l.getStyleClass().add("arch-" + b.modality());
        }
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        HBox.setHgrow(l, Priority.ALWAYS);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        tip.setOnShowing(e -> tip.setText(tooltip(b, i18n)));
        l.setTooltip(tip);
        l.setOnMouseClicked(e -> click(b));
        boxes.put(b, l);
        return l;
    }

    private String tooltip(ArchBlock b, I18n i18n) {
        String s = vm.shape(b);
        String what = i18n.get(b.labelKey());
        return s.isEmpty() ? what + "\n" + i18n.get("arch.noShape") : what + "\n" + i18n.get("arch.shape", s);
    }

    /** Shows a box as a click does. */
    public void click(ArchBlock b) {
        vm.select(b);
        refresh();
        onClick.accept(b);
    }

    /** Marks the highlighted box and the boxes that have maps in the shown pass. */
    public void refresh() {
        ArchBlock h = vm.highlighted();
        boxes.forEach((b, l) -> {
            setClass(l, "arch-active", b == h);
            setClass(l, "arch-has-maps", vm.hasMaps(b));
        });
    }

    private static void setClass(Label l, String c, boolean on) {
        if (on && !l.getStyleClass().contains(c)) {
            l.getStyleClass().add(c);
        } else if (!on) {
            l.getStyleClass().remove(c);
        }
    }

    /** The live shapes a hover would show (for tests). */
    public String shapeText(ArchBlock b) {
        return vm.shape(b);
    }

    public Label box(ArchBlock b) {
        return boxes.get(b);
    }
}
