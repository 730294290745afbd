package dev.attend.token;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One item of the session's token bus, the input of the fusion transformer: an embedding of some modality at a
 * point on the media clock. Audio: a 96-d speech embedding every 80 ms ({@code t} = end of the 775 ms it covers).
 * Video: a face's 16-d descriptor per processed frame ({@code t} = the frame's time). Text: MiniLM's 384-d
 * contextual vector of each word piece of a final transcript ({@code t} = start of the word it belongs to).
 *
 * @param modality which encoder made it
 * @param t        media time in seconds
 * @param vector   the embedding; shared, do not modify
 * @param index    position in its stream: audio token number, video frame number, text piece position (0 = [CLS])
 * @param group    what it belongs to: the face track (video), the utterance (text); 0 for audio
 * @param label    the word piece (text), else null
 */
public record Token(Modality modality, double t, float[] vector, long index, int group, String label) {

    /** Which encoder a token comes from. */
    public enum Modality { AUDIO, VIDEO, TEXT }

    public Token {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(vector, "vector");
    }

    public static Token audio(long index, double t, float[] vector) {
        return new Token(Modality.AUDIO, t, vector, index, 0, null);
    }

    public static Token video(long frame, double t, int track, float[] descriptor) {
        return new Token(Modality.VIDEO, t, descriptor, frame, track, null);
    }

    public static Token text(int utterance, int position, double t, String piece, float[] vector) {
        return new Token(Modality.TEXT, t, vector, position, utterance, piece);
    }

    public int dim() {
        return vector.length;
    }

    /** A consumer for {@code bus.subscribe(Token.class, …)} that sees only one modality. */
    public static Consumer<Token> only(Modality modality, Consumer<? super Token> consumer) {
        return tk -> {
            if (tk.modality == modality) {
                consumer.accept(tk);
            }
        };
    }
}
