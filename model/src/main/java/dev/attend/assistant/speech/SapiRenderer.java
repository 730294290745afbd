package dev.attend.assistant.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Windows SAPI through PowerShell's System.Speech: the text from stdin to a WAV file. */
final class SapiRenderer implements Renderer {

    @Override
    public String name() {
        return "sapi";
    }

    @Override
    public byte[] render(String text, String language, SpeechSettings s) {
        Path wav;
        try {
            wav = Files.createTempFile("attend-reply-", ".wav");
        } catch (IOException e) {
            throw new SpeechException("cannot create a temporary file for speech: " + e.getMessage(), e);
        }
        try {
            // SAPI's rate is -10..10 around a normal ~180 words per minute
            int rate = Math.max(-10, Math.min(10, Math.round((s.rate() - SpeechSettings.DEFAULT_RATE) / 20f)));
            String voice = s.voice() == null ? "" : "$s.SelectVoice('" + s.voice().replace("'", "''") + "'); ";
            String script = "Add-Type -AssemblyName System.Speech; $s = New-Object System.Speech.Synthesis."
                    + "SpeechSynthesizer; " + voice + "$s.Rate = " + rate + "; $s.SetOutputToWaveFile('"
                    + wav.toString().replace("'", "''") + "'); $s.Speak([Console]::In.ReadToEnd()); $s.Dispose()";
            return Processes.run(List.of("powershell", "-NoProfile", "-NonInteractive", "-Command", script), text, wav,
                    "Windows PowerShell with System.Speech is needed");
        } finally {
            try {
                Files.deleteIfExists(wav);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }
}
