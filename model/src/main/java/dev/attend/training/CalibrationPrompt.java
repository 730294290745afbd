package dev.attend.training;

/**
 * A sentence the user reads during calibration, with the intent it expresses (its label for the intent head).
 * Prompt i is read in the recording's slot i: [i·{@link #SLOT_SECONDS}, (i+1)·{@link #SLOT_SECONDS}) seconds.
 */
public record CalibrationPrompt(String text, String intent) {

    /** Each prompt's time slot in a calibration recording. */
    public static final double SLOT_SECONDS = 5.0;
}
