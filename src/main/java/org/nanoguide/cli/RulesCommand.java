package org.nanoguide.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nanoguide.check.Checker;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleListing;
import org.nanoguide.kb.RuleSource;
import org.nanoguide.model.Suggestion;
import org.nanoguide.render.JsonRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules: id, name, review section and references, strength, and where each is written.",
                "With an ID, show that rule in full with its source text; with --why-not CASE, why it did or did not fire on a case.",
                "With --search WORDS, list only the rules whose id, name, section or metadata (@quote, @concludes, @source...) hold every word."},
        footer = {"", "Examples:", "  nanoguide rules", "  nanoguide rules ionp-deep-tumor-hyperthermia",
                "  nanoguide rules gold-photothermal --why-not cases/skin-shallow-no-devices.json",
                "  nanoguide rules --search \"liposome doxorubicin\"",
                "  nanoguide rules --format json",
                "", "Exit status: 0 listed or explained; 1 no rule has that id or matches the search, or the case is not valid; 2 the rules do not compile, or a usage error."})
final class RulesCommand extends RuleCommand {
    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (the same object as GET /v1/rules, with each rule's path added). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The @id (or the name) of one rule to show in full.")
    String id;

    @Option(names = "--why-not", paramLabel = "CASE",
            description = "A case file: say whether rule ID fired on it, and if not, the first of its conditions no fact satisfied and the facts that came closest.")
    String whyNot;

    @Option(names = {"-s", "--search"}, paramLabel = "WORDS",
            description = "List only the rules that hold every word (ignoring case) in their id, name, section or metadata values. Quote several words.")
    String search;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (whyNot != null && id == null) {
            throw Options.usage(spec, "--why-not needs the rule: nanoguide rules ID --why-not CASE");
        }
        KnowledgeBase kb = rules.load(err);
        if (kb == null) return 2;
        RuleFiles files = kb.files();
        if (search != null && (id != null || whyNot != null)) {
            throw Options.usage(spec, "--search lists rules; it does not go with an ID or --why-not");
        }
        if (search != null && RuleListing.words(search).isEmpty()) {
            throw Options.usage(spec, "--search needs at least one word, e.g. --search \"liposome doxorubicin\"");
        }
        if (id == null) {
            RuleListing<RuleInfo> listing = search == null ? RuleListing.of(kb) : RuleListing.of(kb, RuleListing.containingEvery(search));
            if (listing.count() == 0 && search != null) {
                err.println("nanoguide rules: no rule matches \"" + search.strip() + "\" (every word must occur in the id, name, section or metadata)"
                        + "; `nanoguide rules` lists them all");
                return 1;
            }
            if (format == Format.json) {
                out.println(JsonRenderer.pretty(listing.map(r -> EditorRule.of(files, r, null))));
            } else {
                if (search == null) {
                    out.printf(Locale.ROOT, "%d rules in %s (knowledge base %s)%n%n", listing.count(), files.origin(), kb.version());
                } else {
                    out.printf(Locale.ROOT, "%d of %d rules match \"%s\" in %s (knowledge base %s)%n%n", listing.count(), kb.ruleCount(),
                            search.strip(), files.origin(), kb.version());
                }
                for (RuleInfo r : listing.rules()) {
                    out.printf(Locale.ROOT, "%s  [%s; refs %s; strength %s]  %s%n    %s%n",
                            r.id() == null ? "(no id)" : r.id(), r.section() == null ? "no section" : "section " + r.section(),
                            r.refs().isEmpty() ? "none" : r.refs().toString().replaceAll("[\\[\\]]", ""),
                            r.strength() == null ? "-" : r.strength(), Checker.location(files, r), r.name());
                }
            }
            out.flush();
            return 0;
        }
        Optional<RuleInfo> found = kb.rule(id).or(() -> kb.rules().stream().filter(r -> r.name().equals(id)).findFirst());
        if (found.isEmpty()) {
            String near = Suggestion.closest(id, kb.rules().stream().map(RuleInfo::id).filter(java.util.Objects::nonNull).toList())
                    .map(s -> " (did you mean \"" + s + "\"?)").orElse("");
            err.println("nanoguide rules: no rule has the id \"" + id + "\"" + near + "; `nanoguide rules` lists them");
            return 1;
        }
        RuleInfo r = found.get();
        if (whyNot != null) return WhyNotRun.run(kb, r, whyNot, format == Format.json, out, err);
        String source = sourceText(files, r);
        if (format == Format.json) {
            out.println(JsonRenderer.pretty(EditorRule.of(files, r, source)));
        } else {
            out.println("id:        " + (r.id() == null ? "(none)" : r.id()));
            out.println("name:      " + r.name());
            out.println("section:   " + (r.section() == null ? "(none)" : r.section()));
            out.println("refs:      " + (r.refs().isEmpty() ? "(none)" : r.refs().toString().replaceAll("[\\[\\]]", "")));
            out.println("strength:  " + (r.strength() == null ? "(none)" : r.strength()));
            r.metadata().entrySet().stream().filter(e -> !List.of("id", "section", "refs", "strength").contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.println(String.format(Locale.ROOT, "%-10s %s", e.getKey() + ":", e.getValue())));
            out.println("where:     " + Checker.location(files, r));
            out.println();
            out.print(source);
        }
        out.flush();
        return 0;
    }

    /**
     * A rule as {@code GET /v1/rules} shows it (every field of {@link RuleInfo}, unwrapped), plus what
     * only an editor on this machine needs: the file's {@code path} to open (the service hides it), and
     * for one rule its {@code source} text.
     */
    record EditorRule(@JsonUnwrapped RuleInfo rule, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String source) {
        static EditorRule of(RuleFiles files, RuleInfo r, String source) {
            return new EditorRule(r, files.pathOf(r.file()), source);
        }
    }

    /** The rule's text from its {@code rule} line to its {@code end}. */
    static String sourceText(RuleFiles files, RuleInfo r) {
        return files.drlFiles().stream().filter(f -> f.path().equals(r.file())).findFirst()
                .flatMap(f -> RuleSource.of(f).rule(r.name())).map(RuleSource.Rule::text)
                .orElse("(source not found)\n");
    }
}
