-- Full-text index over utterances and their translations (its own copy of the text, kept by triggers so a delete
-- removes the words from the index too) and MiniLM sentence vectors.
CREATE VIRTUAL TABLE utterances_fts USING fts5(text, translation, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO utterances_fts(rowid, text, translation) SELECT id, text, coalesce(translation, '') FROM utterances;

CREATE TRIGGER utterances_ai AFTER INSERT ON utterances BEGIN
    INSERT INTO utterances_fts(rowid, text, translation) VALUES (new.id, new.text, coalesce(new.translation, ''));
END;
CREATE TRIGGER utterances_ad AFTER DELETE ON utterances BEGIN
    DELETE FROM utterances_fts WHERE rowid = old.id;
END;
CREATE TRIGGER utterances_au AFTER UPDATE OF text, translation ON utterances BEGIN
    UPDATE utterances_fts SET text = new.text, translation = coalesce(new.translation, '') WHERE rowid = new.id;
END;

CREATE TABLE utterance_vectors (
    utterance_id INTEGER PRIMARY KEY REFERENCES utterances(id) ON DELETE CASCADE,
    model        TEXT NOT NULL,
    vector       BLOB NOT NULL                    -- float32 little-endian, unit length
);
