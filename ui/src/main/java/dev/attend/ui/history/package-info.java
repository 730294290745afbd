/** The History window: saved sessions by day, reading, search, replay, export, delete with undo, privacy. Uses model's history. */
package dev.attend.ui.history;
