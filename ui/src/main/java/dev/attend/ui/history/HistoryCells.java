package dev.attend.ui.history;

import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.StoredUtterance;
import dev.attend.ui.i18n.I18n;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** How the History window shows its lists: day and session rows, search hits with marked words, utterances. */
final class HistoryCells {

    private HistoryCells() {
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A snippet with its marked words in bold. */
    static TextFlow highlighted(String snippet) {
        TextFlow flow = new TextFlow();
        StringBuilder cur = new StringBuilder();
        boolean marked = false;
        for (char c : snippet.toCharArray()) {
            if (c == SearchHit.MARK_START || c == SearchHit.MARK_END) {
                flow.getChildren().add(text(cur.toString(), marked));
                cur.setLength(0);
                marked = c == SearchHit.MARK_START;
            } else {
                cur.append(c);
            }
        }
        flow.getChildren().add(text(cur.toString(), marked));
        return flow;
    }

    private static Text text(String s, boolean marked) {
        Text t = new Text(s);
        t.getStyleClass().add(marked ? "history-match" : "history-text");
        if (marked) {
            t.setStyle("-fx-font-weight: bold; -fx-underline: true;");
        }
        return t;
    }

    static final class SessionCell extends ListCell<HistoryViewModel.Row> {
        private final I18n i18n;

        SessionCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(HistoryViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setGraphic(null);
            if (empty || row == null) {
                setText(null);
                return;
            }
            if (row instanceof HistoryViewModel.DayRow d) {
                setText(d.day().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(i18n.localeProperty().get())) + " · " + i18n.get("history.sessions", d.sessions()));
                setStyle("-fx-font-weight: bold;");
                setDisable(true);
            } else if (row instanceof HistoryViewModel.SessionRow r) {
                SessionInfo s = r.session();
                String time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault())
                        .format(s.startedAt());
                setText(time + "  " + clock(s.duration()) + "  " + (s.firstWords().isEmpty()
                        ? i18n.get("history.nothingSaid") : s.firstWords()));
                setStyle("");
                setDisable(false);
            }
        }
    }

    static final class HitCell extends ListCell<SearchHit> {
        private final I18n i18n;

        HitCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(SearchHit h, boolean empty) {
            super.updateItem(h, empty);
            setText(null);
            if (empty || h == null) {
                setGraphic(null);
                return;
            }
            Label where = new Label(h.kind().equals("note") ? i18n.get("history.note")
                    : i18n.get("history.hitWhere", h.sessionId(), clock(h.start())));
            where.getStyleClass().add("text-muted");
            setGraphic(new VBox(2, where, highlighted(h.snippet())));
        }
    }

    static final class UtteranceCell extends ListCell<StoredUtterance> {
        @Override
        protected void updateItem(StoredUtterance u, boolean empty) {
            super.updateItem(u, empty);
            setText(null);
            setTooltip(null);
            if (empty || u == null) {
                setGraphic(null);
                return;
            }
            Label time = new Label(clock(u.start()));
            time.getStyleClass().add("text-muted");
            time.setMinWidth(48);
            Label text = new Label((u.speaker() == null ? "" : u.speaker() + ": ") + u.text());
            text.setWrapText(true);
            VBox lines = new VBox(2, text);
            if (u.translation() != null) {
                Label tr = new Label(u.translation());
                tr.setWrapText(true);
                tr.setStyle("-fx-font-style: italic;");
                lines.getChildren().add(tr);
            }
            StringBuilder words = new StringBuilder();
            u.words().forEach(w -> words.append(String.format(Locale.ROOT, "%s  %.2f–%.2f s  (%.0f%%)%n", w.word(),
                    w.start(), w.end(), w.conf() * 100)));
            if (!words.isEmpty()) {
                setTooltip(new Tooltip(words.toString().strip()));
            }
            setGraphic(new HBox(8, time, lines));
        }
    }
}
