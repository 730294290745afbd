/** Persistence of timers and notes behind small repository interfaces (SQLite via sqlite-jdbc), and the history seam. */
package dev.attend.assistant.store;
