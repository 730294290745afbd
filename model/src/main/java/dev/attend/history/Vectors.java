package dev.attend.history;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Sentence vectors in the database: float32 little-endian blobs, one per utterance. */
final class Vectors {

    private Vectors() {
    }

    record Pending(long utteranceId, String text) {
    }

    static byte[] toBlob(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] fromBlob(byte[] blob) {
        float[] v = new float[blob.length / 4];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static void save(HistoryStore store, long utteranceId, String model, float[] vector) throws SQLException {
        store.read(c -> {
            // the utterance may have been deleted meanwhile: insert only if it still exists
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO utterance_vectors "
                    + "SELECT id, ?, ? FROM utterances WHERE id = ?")) {
                p.setString(1, model);
                p.setBytes(2, toBlob(vector));
                p.setLong(3, utteranceId);
                return p.executeUpdate();
            }
        });
    }

    /** Utterances that have no vector of {@code model} yet (crash before embedding, or another model before). */
    static List<Pending> missing(HistoryStore store, String model, int limit) throws SQLException {
        return store.read(c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT u.id, u.text FROM utterances u "
                    + "LEFT JOIN utterance_vectors v ON v.utterance_id = u.id AND v.model = ? "
                    + "WHERE v.utterance_id IS NULL ORDER BY u.id LIMIT ?")) {
                p.setString(1, model);
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Pending(r.getLong(1), r.getString(2)));
                    }
                }
            }
            return out;
        });
    }
}
