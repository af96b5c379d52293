package org.nanoguide.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;

/** The text of each rule in the DRL files, from its {@code rule} line to its {@code end}, with its place. */
public record RuleSource(String file, int line, int endLine, String name, String text) {

    /** Every rule block of every DRL file, in file and line order. */
    public static List<RuleSource> all(RuleFiles files) {
        List<RuleSource> out = new ArrayList<>();
        for (RuleFiles.RuleFile f : files.drlFiles()) {
            String[] lines = f.text().split("\n", -1);
            for (KnowledgeBaseLoader.RuleStart start : KnowledgeBaseLoader.ruleStarts(f.text())) {
                int end = start.line();
                while (end < lines.length && !lines[end - 1].strip().equals("end")) end++;
                StringBuilder sb = new StringBuilder();
                for (int i = start.line(); i <= end && i <= lines.length; i++) sb.append(lines[i - 1]).append('\n');
                out.add(new RuleSource(f.path(), start.line(), end, start.name(), sb.toString()));
            }
        }
        return out;
    }

    public static Optional<RuleSource> find(List<RuleSource> all, String file, String name) {
        return all.stream().filter(r -> r.file().equals(file) && r.name().equals(name)).findFirst();
    }

    /** The conditions: the lines between {@code when} and {@code then}, with their line numbers. */
    public List<NumberedLine> conditions() { return section("when", "then"); }

    /** The consequence: the lines between {@code then} and {@code end}. */
    public List<NumberedLine> consequence() { return section("then", "end"); }

    /** Every line of the rule with its line number in the file. */
    public List<NumberedLine> lines() {
        List<NumberedLine> out = new ArrayList<>();
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) out.add(new NumberedLine(line + i, ls[i]));
        return out;
    }

    private List<NumberedLine> section(String from, String to) {
        List<NumberedLine> out = new ArrayList<>();
        boolean in = false;
        for (NumberedLine l : lines()) {
            String t = stripComment(l.text()).strip();
            if (!in && t.equals(from)) {
                in = true;
                continue;
            }
            if (in && t.equals(to)) break;
            if (in) out.add(new NumberedLine(l.number(), stripComment(l.text())));
        }
        return out;
    }

    static String stripComment(String s) {
        boolean inString = false;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) inString = !inString;
            if (!inString && c == '/' && s.charAt(i + 1) == '/') return s.substring(0, i);
        }
        return s;
    }

    public record NumberedLine(int number, String text) { }
}
