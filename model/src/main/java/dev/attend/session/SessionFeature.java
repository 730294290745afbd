package dev.attend.session;

/**
 * A feature's part of a session (speech recognition, translation, faces, …): its options record implements this
 * and adds the feature's stages when a session is assembled. Features live beside their code in {@code model}, so
 * the app, benches and training all build the same sessions; a new feature is one more record in the list.
 */
public interface SessionFeature {

    /** Short name for logs, e.g. {@code asr}. */
    String name();

    /**
     * Adds this feature's stages (media, event or token stages) to the session; called once per session, in the
     * order the features were given. Ignore what the session cannot use (e.g. faces without video).
     *
     * @throws IllegalArgumentException when the options cannot work here (the message says what to do)
     */
    void contribute(SessionAssembly session);
}
