package dev.attend.history;

import dev.attend.event.AsrEvents;
import java.time.Instant;
import java.util.List;

/** What the history store returns. */
public final class HistoryRecords {

    private HistoryRecords() {
    }

    /**
     * One session. {@code endedAt} is null while it runs or when the app died during it; {@code firstWords} is the
     * start of its first utterance (empty when nothing was said).
     */
    public record SessionInfo(long id, Instant startedAt, Instant endedAt, String sources, String pacing,
                              String speechModel, String translationPair, double duration, String endReason,
                              int utterances, String firstWords) {
    }

    /** A settled utterance with its word times (media seconds), translation and speaker when known. */
    public record StoredUtterance(long id, long sessionId, int seq, double start, double end, String text,
                                  double confidence, List<AsrEvents.Word> words, String translation, String speaker) {
    }

    /** Totals over the whole history. */
    public record Stats(int sessions, int utterances, long words, double mediaSeconds, long events,
                        long eventBytes, int vectors, int notes, int timers, long fileBytes) {
    }

    /**
     * A search result: {@code kind} {@code utterance} or {@code note}; {@code snippet} marks matched words with
     * {@link #MARK_START} and {@link #MARK_END}; {@code score}: higher is better (negated BM25, or cosine).
     */
    public record SearchHit(String kind, long id, Long sessionId, Integer seq, double start, String text,
                            String snippet, double score) {

        public static final char MARK_START = '\u0002';
        public static final char MARK_END = '\u0003';

        /** The snippet with its marks replaced, e.g. by ANSI bold or {@code [} {@code ]}. */
        public String snippet(String open, String close) {
            return snippet.replace(String.valueOf(MARK_START), open).replace(String.valueOf(MARK_END), close);
        }
    }
}
