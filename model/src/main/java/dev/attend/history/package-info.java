/**
 * Session history: the SQLite store (sessions, utterances, raw event stream, notes, timers), its migrations, the
 * recorder that writes a live session, and word and meaning search. Uses JDBC (sqlite-jdbc), Jackson, events, MiniLM.
 */
package dev.attend.history;
