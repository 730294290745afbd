/**
 * The assistant opened as a service from Attend's folders (MiniLM, phrase file, SQLite store, speech), its history
 * search and its session feature; uses only the model module, so benches and tests build an assistant session
 * without the app. The audio-only intent model is handed in (the fusion module's {@code FusionAudioIntents}).
 */
package dev.attend.assistant.service;
