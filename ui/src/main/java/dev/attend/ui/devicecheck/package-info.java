/**
 * Settings' device checks: a microphone level meter with a 3-second test recording, and a camera preview, each
 * reading its device through the model's media sources on a thread of its own; uses model and JavaFX only.
 */
package dev.attend.ui.devicecheck;
