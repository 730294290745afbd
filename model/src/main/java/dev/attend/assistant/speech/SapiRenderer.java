package dev.attend.assistant.speech;

import java.util.List;

/** Windows SAPI through PowerShell's System.Speech: the text from stdin to a WAV file. */
final class SapiRenderer implements Renderer {

    @Override
    public String name() {
        return "sapi";
    }

    @Override
    public byte[] render(String text, String language, SpeechSettings s) {
        // SAPI's rate is -10..10 around a normal ~180 words per minute
        int rate = Math.max(-10, Math.min(10, Math.round((s.rate() - SpeechSettings.DEFAULT_RATE) / 20f)));
        String voice = s.voice() == null ? "" : "$s.SelectVoice('" + s.voice().replace("'", "''") + "'); ";
        return Processes.runToTempFile(".wav", wav -> List.of("powershell", "-NoProfile", "-NonInteractive",
                "-Command", "Add-Type -AssemblyName System.Speech; $s = New-Object System.Speech.Synthesis."
                        + "SpeechSynthesizer; " + voice + "$s.Rate = " + rate + "; $s.SetOutputToWaveFile('"
                        + wav.toString().replace("'", "''") + "'); $s.Speak([Console]::In.ReadToEnd()); $s.Dispose()"),
                text, "Windows PowerShell with System.Speech is needed");
    }
}
