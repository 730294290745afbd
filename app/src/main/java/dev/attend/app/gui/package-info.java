/**
 * The app's implementations of the UI's service ports (model manager, typed-text attention and translation,
 * Apertium pairs). Uses model and ui.
 */
package dev.attend.app.gui;
