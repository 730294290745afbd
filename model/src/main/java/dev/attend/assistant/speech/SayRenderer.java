package dev.attend.assistant.speech;

import java.util.ArrayList;
import java.util.List;

/** macOS {@code say}: the text from stdin to an AIFF file. */
final class SayRenderer implements Renderer {

    @Override
    public String name() {
        return "say";
    }

    @Override
    public byte[] render(String text, String language, SpeechSettings s) {
        return Processes.runToTempFile(".aiff", aiff -> {
            List<String> cmd = new ArrayList<>(List.of("say", "-r", Integer.toString(s.rate()), "-o",
                    aiff.toString(), "-f", "-"));
            if (s.voice() != null) {
                cmd.addAll(List.of("-v", s.voice()));
            } else if ("zh".equals(language)) {
                cmd.addAll(List.of("-v", "Tingting"));
            }
            return cmd;
        }, text, "the macOS 'say' command is needed");
    }
}
