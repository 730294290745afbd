/**
 * Starting, stopping and replaying sessions from the UI: the session view-model, the launcher port and events
 * replay.
 */
package dev.attend.ui.session;
