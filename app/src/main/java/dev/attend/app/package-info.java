/**
 * The launcher's entry point: {@code Main} chooses the desktop app or the CLI, sets up logging and owns the app-
 * wide task executor. May use every module.
 */
package dev.attend.app;
