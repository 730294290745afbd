package dev.attend.assistant.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path aiff;
        try {
            aiff = Files.createTempFile("attend-reply-", ".aiff");
        } catch (IOException e) {
            throw new SpeechException("cannot create a temporary file for speech: " + e.getMessage(), e);
        }
        try {
            List<String> cmd = new ArrayList<>(List.of("say", "-r", Integer.toString(s.rate()), "-o",
                    aiff.toString(), "-f", "-"));
            if (s.voice() != null) {
                cmd.addAll(List.of("-v", s.voice()));
            } else if ("zh".equals(language)) {
                cmd.addAll(List.of("-v", "Tingting"));
            }
            return Processes.run(cmd, text, aiff, "the macOS 'say' command is needed");
        } finally {
            try {
                Files.deleteIfExists(aiff);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }
}
