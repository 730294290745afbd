/**
 * The one road from pipeline threads to the JavaFX thread (event bridge, pulse) and the UI's task port.
 */
package dev.attend.ui.bridge;
