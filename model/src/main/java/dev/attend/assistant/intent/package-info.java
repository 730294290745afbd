/**
 * Intent recognition: the user-editable phrase file, MiniLM similarity to its examples, the audio intent model seam
 * and how both opinions are combined. Uses {@code dev.attend.encoders.text}.
 */
package dev.attend.assistant.intent;
