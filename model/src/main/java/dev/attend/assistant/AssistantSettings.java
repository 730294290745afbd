package dev.attend.assistant;

import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.encoders.audio.AudioModels;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The assistant's persisted settings ({@code assistant.properties} in the config folder): reply language
 * ({@code en}/{@code zh}), speech (mute, voice, rate), the wake word (a bundled one), look-to-talk, and the default
 * target language of "translate that". A missing or unreadable value falls back to its default.
 *
 * @param wakeWordOn          whether the wake word opens commands (push-to-talk and typed commands always do)
 * @param lookToTalkThreshold addressee probability that opens a command (it re-arms {@link #LOOK_HYSTERESIS} below)
 */
public record AssistantSettings(String language, SpeechSettings speech, String wakeWord, boolean wakeWordOn,
                                boolean lookToTalk, double lookToTalkThreshold, String targetLanguage) {

    /** Look-to-talk re-arms this far below its threshold, so a flickering score opens one command. */
    public static final double LOOK_HYSTERESIS = 0.3;
    public static final double DEFAULT_LOOK_THRESHOLD = 0.7;

    public static final String FILE = "assistant.properties";

    public AssistantSettings {
        language = "zh".equals(language) ? "zh" : "en";
        if (!AudioModels.wakeWordNames().contains(wakeWord)) {
            throw new IllegalArgumentException("unknown wake word '" + wakeWord + "'; bundled: "
                    + String.join(", ", AudioModels.wakeWordNames()));
        }
        if (!(lookToTalkThreshold >= 0.4 && lookToTalkThreshold <= 0.95)) {
            throw new IllegalArgumentException("look-to-talk threshold must be 0.40–0.95, not " + lookToTalkThreshold);
        }
        targetLanguage = targetLanguage == null || !targetLanguage.matches("[a-z]{3}") ? "spa" : targetLanguage;
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings("en", SpeechSettings.defaults(), "hey_jarvis", true, false,
                DEFAULT_LOOK_THRESHOLD, "spa");
    }

    public static AssistantSettings load(Path configDir) {
        Path f = configDir.resolve(FILE);
        AssistantSettings d = defaults();
        if (!Files.isRegularFile(f)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return d;
        }
        int rate;
        try {
            rate = Math.max(80, Math.min(450, Integer.parseInt(p.getProperty("rate", "" + SpeechSettings.DEFAULT_RATE))));
        } catch (NumberFormatException e) {
            rate = SpeechSettings.DEFAULT_RATE;
        }
        String wake = p.getProperty("wakeWord", d.wakeWord());
        double look;
        try {
            look = Math.max(0.4, Math.min(0.95, Double.parseDouble(p.getProperty("lookToTalkThreshold",
                    "" + DEFAULT_LOOK_THRESHOLD))));
        } catch (NumberFormatException e) {
            look = DEFAULT_LOOK_THRESHOLD;
        }
        return new AssistantSettings(p.getProperty("language", d.language()),
                new SpeechSettings(Boolean.parseBoolean(p.getProperty("mute", "false")), p.getProperty("voice"), rate),
                AudioModels.wakeWordNames().contains(wake) ? wake : d.wakeWord(),
                !"false".equals(p.getProperty("wakeWordOn")),
                Boolean.parseBoolean(p.getProperty("lookToTalk", "false")), look,
                p.getProperty("targetLanguage", d.targetLanguage()));
    }

    public void save(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Properties p = new Properties();
        p.setProperty("language", language);
        p.setProperty("mute", Boolean.toString(speech.mute()));
        if (speech.voice() != null) {
            p.setProperty("voice", speech.voice());
        }
        p.setProperty("rate", Integer.toString(speech.rate()));
        p.setProperty("wakeWord", wakeWord);
        p.setProperty("wakeWordOn", Boolean.toString(wakeWordOn));
        p.setProperty("lookToTalk", Boolean.toString(lookToTalk));
        p.setProperty("lookToTalkThreshold", Double.toString(lookToTalkThreshold));
        p.setProperty("targetLanguage", targetLanguage);
        Path tmp = configDir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Attend assistant settings");
        }
        Files.move(tmp, configDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public AssistantSettings withSpeech(SpeechSettings s) {
        return new AssistantSettings(language, s, wakeWord, wakeWordOn, lookToTalk, lookToTalkThreshold,
                targetLanguage);
    }

    public AssistantSettings withLanguage(String lang) {
        return new AssistantSettings(lang, speech, wakeWord, wakeWordOn, lookToTalk, lookToTalkThreshold,
                targetLanguage);
    }

    /** Another wake word (a bundled one), switched on or off. */
    public AssistantSettings withWakeWord(String name, boolean on) {
        return new AssistantSettings(language, speech, name, on, lookToTalk, lookToTalkThreshold, targetLanguage);
    }

    public AssistantSettings withLookToTalk(boolean on, double threshold) {
        return new AssistantSettings(language, speech, wakeWord, wakeWordOn, on, threshold, targetLanguage);
    }
}
