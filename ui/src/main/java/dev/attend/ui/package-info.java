/**
 * The JavaFX desktop app: the application, its main window and the services the app module passes in. Uses model
 * (never the app module).
 */
package dev.attend.ui;
