/**
 * The captions pane's translation column: view-model and the ports for typed-text translation and installed
 * pairs.
 */
package dev.attend.ui.translation;
