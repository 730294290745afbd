/**
 * The assistant line's view-model (replies and state).
 */
package dev.attend.ui.assistant;
