package dev.attend.app.cli;

import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.VoskModelCatalog;
import dev.attend.asr.models.VoskModelInfo;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code attend models list}: installed and found models, then the installable ones for this language. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Models on this machine and models for your language that can be installed.")
final class ModelsListCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Every model in the list, all languages, obsolete ones too.")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppDirs dirs = ModelsCommand.dirs(spec);
        VoskModelLocator locator = VoskModelManager.standard(dirs).locator();
        VoskModelCatalog catalog = locator.catalog();
        java.util.List<FoundModel> found = new ArrayList<>(locator.discover());
        Optional<FoundModel> def = locator.defaultModel();
        if (def.isPresent() && found.stream().noneMatch(m -> m.dir().equals(def.get().dir()))) {
            found.add(0, def.get()); // a folder chosen with 'attend models use DIR'
        }
        String lang = VoskModelLocator.systemLang(Locale.getDefault());

        java.util.List<String[]> rows = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (FoundModel m : found) {
            Optional<VoskModelInfo> info = catalog.find(m.name());
            String status = m.source() == dev.attend.asr.models.ModelSource.ATTEND ? "installed"
                    : "found (" + m.source().label() + "): " + m.dir();
            boolean isDefault = def.isPresent() && def.get().dir().equals(m.dir());
            rows.add(new String[] {isDefault ? "*" : " ", m.name(),
                    langLabel(m.lang(), info.map(VoskModelInfo::langText).orElse("")),
                    info.map(VoskModelInfo::sizeText).filter(s -> !s.isBlank()).orElseGet(() -> du(m.dir())),
                    status + (isDefault ? ", default" : "")});
            shown.add(m.name());
        }
        int hidden = 0;
        for (VoskModelInfo info : catalog.models()) {
            if (shown.contains(info.name())) {
                continue;
            }
            boolean relevant = !info.obsolete() && info.lang().equalsIgnoreCase(lang);
            if (!all && !relevant) {
                hidden++;
                continue;
            }
            rows.add(new String[] {" ", info.name(), langLabel(info.lang(), info.langText()), info.sizeText(),
                    info.obsolete() ? "available (obsolete)" : "available"});
        }
        print(out, rows);
        out.println();
        out.println("* = used when no --model is given. Models from the " + catalog.source()
                + "; 'attend models refresh' updates it.");
        if (hidden > 0) {
            out.println(hidden + " more in other languages or obsolete: 'attend models list --all'.");
        }
        if (found.isEmpty()) {
            locator.recommended().ifPresent(r -> out.println("No model installed yet; for your language: "
                    + "'attend models install " + r.name() + "'."));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String langLabel(String code, String text) {
        if (code.isBlank()) {
            return "?";
        }
        return text.isBlank() ? code : code + " (" + text + ")";
    }

    private static void print(PrintWriter out, java.util.List<String[]> rows) {
        String[] head = {" ", "NAME", "LANGUAGE", "SIZE", "STATUS"};
        int[] w = new int[head.length];
        for (String[] r : concat(head, rows)) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : concat(head, rows)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static java.util.List<String[]> concat(String[] head, java.util.List<String[]> rows) {
        java.util.List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        return all;
    }

    private static String du(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            long bytes = s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
            return InstallProgressBar.human(bytes);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "?";
        }
    }
}
