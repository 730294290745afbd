/**
 * The app's persisted settings, their store and dialog.
 */
package dev.attend.ui.settings;
