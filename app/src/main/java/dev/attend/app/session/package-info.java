/**
 * Turns the CLI's and the GUI's choices (sources, feature options) into a session through the model's session
 * assembler. Uses model and ui's session port.
 */
package dev.attend.app.session;
