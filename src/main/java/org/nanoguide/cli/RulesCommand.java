package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.nanoguide.check.RuleSource;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.render.JsonRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules: id, name, section and references in the review, strength, file:line.",
                "With an ID, show that rule in full, with its source text."})
final class RulesCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule's @id.")
    String id;

    record RuleView(String id, String name, String section, List<Integer> refs, Double strength, String file, int line,
                    java.util.Map<String, String> metadata, String source) { }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeBase kb = rules.load(err);
        if (kb == null) return 2;
        List<RuleSource> sources = RuleSource.all(kb.files());
        if (id != null) {
            RuleInfo r = kb.rule(id).orElse(null);
            if (r == null) {
                err.println("nanoguide rules: no rule has @id(\"" + id + "\"); `nanoguide rules` lists them");
                return 1;
            }
            String text = RuleSource.find(sources, r.file(), r.name()).map(RuleSource::text).orElse("");
            if (format == Format.json) {
                out.println(JsonRenderer.pretty(view(r, text)));
            } else {
                out.println(r.id() + ": " + r.name());
                out.println("  where:    " + rules.place(r.file(), r.line()));
                out.println("  review:   section " + r.section() + (r.refs().isEmpty() ? "" : ", refs " + r.refs()));
                if (r.strength() != null) out.println("  strength: " + r.strength());
                r.metadata().forEach((k, v) -> {
                    if (!List.of("id", "section", "refs", "strength").contains(k)) out.println("  " + k + ": " + v);
                });
                out.println();
                out.print(text);
            }
            return 0;
        }
        if (format == Format.json) {
            out.println(JsonRenderer.pretty(kb.rules().stream().map(r -> view(r, null)).toList()));
            return 0;
        }
        out.println(kb.ruleCount() + " rules, version " + kb.version() + ", " + kb.fingerprint());
        String file = null;
        for (RuleInfo r : kb.rules()) {
            if (!r.file().equals(file)) {
                file = r.file();
                out.println("\n" + file);
            }
            out.printf("  %-44s %-9s %-10s %-5s line %-4d %s%n", r.id(), r.section(),
                    r.refs().isEmpty() ? "-" : r.refs().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    r.strength() == null ? "-" : r.strength(), r.line(), r.name());
        }
        return 0;
    }

    private static RuleView view(RuleInfo r, String source) {
        return new RuleView(r.id(), r.name(), r.section(), r.refs(), r.strength(), r.file(), r.line(), r.metadata(), source);
    }
}
