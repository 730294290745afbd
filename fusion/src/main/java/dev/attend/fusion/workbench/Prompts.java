package dev.attend.fusion.workbench;

import dev.attend.training.CalibrationPrompt;
import java.util.List;

/**
 * The calibration prompts: 12 sentences (one a slot, about a minute), commands of every intent and two everyday
 * sentences. English, as the model's speech and text encoders are.
 */
final class Prompts {

    static final List<CalibrationPrompt> ALL = List.of(
            new CalibrationPrompt("what time is it now", "time"),
            new CalibrationPrompt("start a five minute timer", "timer"),
            new CalibrationPrompt("what is the date today", "date"),
            new CalibrationPrompt("take a note buy more milk", "note"),
            new CalibrationPrompt("search the web for electric cars", "search"),
            new CalibrationPrompt("translate the last sentence", "translate_last"),
            new CalibrationPrompt("please repeat that again", "repeat"),
            new CalibrationPrompt("stop talking now", "stop"),
            new CalibrationPrompt("we went to the park on sunday", "none"),
            new CalibrationPrompt("set a timer for ten minutes", "timer"),
            new CalibrationPrompt("tell me the time please", "time"),
            new CalibrationPrompt("the weather was lovely this morning", "none"));

    private Prompts() {
    }
}
