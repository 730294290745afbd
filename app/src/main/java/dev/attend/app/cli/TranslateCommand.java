package dev.attend.app.cli;

import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.ApertiumTranslator;
import dev.attend.translate.Translation;
import dev.attend.translate.TranslationException;
import dev.attend.translate.TranslatorUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attend translate}: offline translation with the installed Apertium, for scripting. Text from the
 * arguments (joined by spaces, one translation) or, without arguments, one translation per line of standard input,
 * written as soon as it is ready; one Apertium pipeline serves all lines.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate text offline with Apertium.",
            "Without TEXT, translates standard input line by line (one output line per input line)."})
public final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--list", description = "List the installed pairs (translation directions) and exit.")
    boolean list;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Direction, e.g. eng-spa (see --list).")
    String pair;

    @Option(names = "--marks", description = "Keep Apertium's marks on unknown words (*word, @word, #word), "
            + "as the apertium command prints them.")
    boolean marks;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Text to translate.")
    List<String> text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where lines come from when no TEXT is given (tests replace it). */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        ApertiumInstall install = ApertiumInstall.detect();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            return list(install, out);
        }
        if (pair == null) {
            throw new BadInputException("give --pair PAIR (e.g. --pair eng-spa) or --list");
        }
        ApertiumTranslator translator;
        try {
            translator = install.open(pair);
            translator.warmUp();
        } catch (TranslatorUnavailableException e) {
            throw new BadInputException(e.getMessage());
        }
        try (translator) {
            if (text != null && !text.isEmpty()) {
                out.println(render(translator.translate(String.join(" ", text))));
                out.flush();
                return ExitCodes.OK;
            }
            return translateLines(translator, out);
        }
    }

    private int list(ApertiumInstall install, PrintWriter out) {
        if (!install.available()) {
            throw new BadInputException("Apertium is not installed (no pairs in " + install.modesDir()
                    + "); install the Debian packages apertium and a pair such as apertium-eng-spa");
        }
        for (String p : install.pairs()) {
            out.println(p + "\t" + install.packageOf(p));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int translateLines(ApertiumTranslator translator, PrintWriter out) throws IOException {
        int failures = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line;
        while ((line = nextLine(in)) != null) {
            try {
                out.println(render(translator.translate(line)));
            } catch (TranslationException e) {
                // keep one output line per input line so scripts stay aligned
                failures++;
                out.println();
                spec.commandLine().getErr().println("attend: " + e.getMessage());
            }
            out.flush();
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * One input line: up to a line feed, without a CR before it (CRLF files). A bare CR is not a line end (unlike
     * {@link BufferedReader#readLine()}), so output line N always belongs to input line N; inside a line it is a space.
     */
    static String nextLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        if (c < 0 && b.isEmpty()) {
            return null;
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == '\r') {
            b.setLength(n - 1);
        }
        return b.toString().replace('\r', ' ');
    }

    private String render(Translation t) {
        return marks ? t.marked() : t.target();
    }
}
