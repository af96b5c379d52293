package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a usage error reads: picocli's message, a "did you mean" for a misspelt option, command or
 * enum value (picocli's own suggestions miss transposed letters, such as {@code --fromat}), and
 * where to find help, instead of the whole usage text.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** Edits (insert, delete, replace, swap two neighbours) within which a word counts as a misspelling. */
    private static final int MAX_EDITS = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(ex.getMessage());
        List<String> guesses = guesses(ex);
        if (!guesses.isEmpty()) err.println("Did you mean " + String.join(" or ", guesses) + "?");
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        CommandLine.IExitCodeExceptionMapper mapper = cmd.getExitCodeExceptionMapper();
        return mapper != null ? mapper.getExitCode(ex) : cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static List<String> guesses(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            List<String> known = new ArrayList<>();
            for (OptionSpec o : cmd.getCommandSpec().options()) known.addAll(List.of(o.names()));
            known.addAll(cmd.getSubcommands().keySet());
            List<String> near = nearest(word.split("=", 2)[0], known);
            return near.isEmpty() ? u.getSuggestions().stream().limit(3).toList() : near;
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && arg.type().isEnum() && ex.getValue() != null) {
            List<String> values = new ArrayList<>();
            for (Object c : arg.type().getEnumConstants()) values.add(c.toString());
            return nearest(ex.getValue(), values);
        }
        return List.of();
    }

    /** The known words fewest edits from {@code word} (case ignored), if any is within {@link #MAX_EDITS}. */
    static List<String> nearest(String word, Collection<String> known) {
        int best = MAX_EDITS + 1;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            int d = edits(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && !out.contains(k)) out.add(k);
        }
        return out;
    }

    /** Optimal string alignment distance: Levenshtein plus a swap of two neighbouring letters as one edit. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
