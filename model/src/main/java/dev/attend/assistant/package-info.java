/**
 * The offline assistant: listening modes and the command window ({@code AssistantTap}), understanding
 * ({@code intent}, {@code slots}), skills, persistence ({@code store}) and spoken replies ({@code speech}). Uses the
 * event stream, MiniLM ({@code dev.attend.encoders.text}), the audio token stream and the translator; never JavaFX.
 */
package dev.attend.assistant;
