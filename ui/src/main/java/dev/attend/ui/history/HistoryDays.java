package dev.attend.ui.history;

import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.ui.history.HistoryViewModel.DayRow;
import dev.attend.ui.history.HistoryViewModel.Row;
import dev.attend.ui.history.HistoryViewModel.SessionRow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The session list's lines: a heading per day (with its session count), then that day's sessions. */
final class HistoryDays {

    private HistoryDays() {
    }

    /** Sessions (newest first) by day in {@code zone}, leaving out {@code hidden} (waiting for its delete). */
    static List<Row> group(List<SessionInfo> sessions, SessionInfo hidden, ZoneId zone) {
        List<Row> out = new ArrayList<>();
        LocalDate day = null;
        int headerAt = -1;
        int count = 0;
        for (SessionInfo s : sessions) {
            if (hidden != null && hidden.id() == s.id()) {
                continue;
            }
            LocalDate d = s.startedAt().atZone(zone).toLocalDate();
            if (!d.equals(day)) {
                if (headerAt >= 0) {
                    out.set(headerAt, new DayRow(day, count));
                }
                day = d;
                count = 0;
                headerAt = out.size();
                out.add(new DayRow(d, 0));
            }
            out.add(new SessionRow(s));
            count++;
        }
        if (headerAt >= 0) {
            out.set(headerAt, new DayRow(day, count));
        }
        return out;
    }
}
