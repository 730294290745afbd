/** Slot extraction from command text: durations, timer names, note text, search queries, target languages. Pure logic. */
package dev.attend.assistant.slots;
