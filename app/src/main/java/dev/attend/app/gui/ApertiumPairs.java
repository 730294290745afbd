package dev.attend.app.gui;

import dev.attend.translate.ApertiumInstall;
import dev.attend.ui.translation.TranslationPairs;
import java.util.List;

/** The translation pairs of the Apertium installation on this machine (re-read on each call: cheap). */
public final class ApertiumPairs implements TranslationPairs {

    static final String NOT_INSTALLED = "Apertium is not installed: install the Debian package apertium and a pair "
            + "such as apertium-eng-spa";

    private final ApertiumInstall install;

    public ApertiumPairs(ApertiumInstall install) {
        this.install = install;
    }

    /** Translation directions such as {@code eng-spa}; Apertium's debugging and variant modes are left out. */
    @Override
    public List<String> pairs() {
        if (!install.available()) {
            return List.of();
        }
        return install.pairs().stream().filter(p -> p.matches("[a-z]{2,3}-[a-z]{2,3}")).toList();
    }

    @Override
    public String unavailableReason() {
        return pairs().isEmpty() ? NOT_INSTALLED : "";
    }
}
