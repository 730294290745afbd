/** The main window's frame: notices, window placement, toolbar, assistant line, status bar, About and shortcuts; uses JavaFX and the feature view-models. */
package dev.attend.ui.shell;
