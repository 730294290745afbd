/**
 * Captions: the transcript view-model, its view and export as TXT/SRT/VTT/JSON.
 */
package dev.attend.ui.transcript;
