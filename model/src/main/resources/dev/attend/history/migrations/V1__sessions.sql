-- Sessions, their settled utterances and their raw event stream (deflated JSON Lines chunks).
CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY,
    started_at       INTEGER NOT NULL,            -- wall clock, epoch milliseconds
    ended_at         INTEGER,                     -- null while running (or after a crash)
    sources          TEXT    NOT NULL DEFAULT '[]', -- session.start's sources (JSON)
    pacing           TEXT,
    speech_model     TEXT,
    translation_pair TEXT,
    duration         REAL    NOT NULL DEFAULT 0,  -- media seconds
    end_reason       TEXT
);
CREATE INDEX sessions_started ON sessions(started_at);

CREATE TABLE utterances (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,                 -- the asr.final's utterance id
    start       REAL    NOT NULL,                 -- media seconds
    end         REAL    NOT NULL,
    text        TEXT    NOT NULL,
    confidence  REAL,
    words       TEXT    NOT NULL DEFAULT '[]',    -- [{word,start,end,conf}] (JSON)
    translation TEXT,
    speaker     TEXT,
    UNIQUE (session_id, seq)
);

CREATE TABLE event_chunks (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    events     INTEGER NOT NULL,                  -- lines in this chunk
    data       BLOB    NOT NULL,                  -- deflated UTF-8 JSON Lines
    PRIMARY KEY (session_id, seq)
);
