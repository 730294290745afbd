/** Wiring of the session history into CLI and GUI sessions (recorder in front of the session's event sink). */
package dev.attend.app.history;
