package dev.attend.ui.assistant;

/**
 * One exchange in the conversation: what the user said or typed (null when only the audio was heard), how it was
 * started, what it was understood as, and the reply (null while thinking). {@code command} 0: the assistant spoke
 * by itself (a timer went off).
 */
public record Turn(int command, String mode, String said, String intent, double confidence, boolean understood,
                   String reply, boolean acted) {

    Turn withReply(String text, boolean didAct) {
        return new Turn(command, mode, said, intent, confidence, understood, text, didAct);
    }
}
