package dev.attend.assistant.speech;

import java.util.List;

/** espeak-ng (Linux): WAV on stdout; Chinese replies in pinyin through the {@code cmn-latn-pinyin} voice. */
final class EspeakRenderer implements Renderer {

    private final String command;

    EspeakRenderer(String command) {
        this.command = command;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    static String defaultVoice(String language) {
        return "zh".equals(language) ? "cmn-latn-pinyin" : "en-us";
    }

    @Override
    public byte[] render(String text, String language, SpeechSettings s) {
        String voice = s.voice() != null ? s.voice() : defaultVoice(language);
        return Processes.run(List.of(command, "-v", voice, "-s", Integer.toString(s.rate()), "--stdout"), text, null,
                "install the Debian package espeak-ng");
    }
}
