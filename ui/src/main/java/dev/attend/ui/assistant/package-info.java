/**
 * The assistant in the window: the pane (conversation, command box, push-to-talk, timers, notes, listening and
 * speech controls), its view-models and the port to the app's assistant. Uses the model's assistant types.
 */
package dev.attend.ui.assistant;
