/** Wiring of the assistant into the app: its parts from the app's folders and settings, per session and for the CLI. */
package dev.attend.app.assistant;
