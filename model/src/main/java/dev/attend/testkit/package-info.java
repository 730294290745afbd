/**
 * The generated tone-language Vosk model that tests the whole recognizer path without a real speech model
 * (writer, its FST and audio).
 */
package dev.attend.testkit;
