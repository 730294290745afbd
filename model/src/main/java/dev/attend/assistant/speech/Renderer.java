package dev.attend.assistant.speech;

/** Turns text into audio file bytes (WAV or AIFF) that Java Sound can read. One per speech engine. */
interface Renderer {

    String name();

    byte[] render(String text, String language, SpeechSettings settings);
}
