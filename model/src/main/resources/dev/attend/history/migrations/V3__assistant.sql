-- The assistant's notes and timers, and the history's own preferences (pause, retention).
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL
);
CREATE VIRTUAL TABLE notes_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    DELETE FROM notes_fts WHERE rowid = old.id;
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text ON notes BEGIN
    UPDATE notes_fts SET text = new.text WHERE rowid = new.id;
END;

CREATE TABLE timers (
    id         INTEGER PRIMARY KEY,
    label      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    due_at     INTEGER NOT NULL,                  -- epoch milliseconds
    state      TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'cancelled')),
    fired_at   INTEGER
);
CREATE INDEX timers_due ON timers(state, due_at);

CREATE TABLE prefs (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
