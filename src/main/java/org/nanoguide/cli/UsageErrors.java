package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;
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
    /** Edits (insert, delete, replace) within which a word counts as a misspelling: two letters swapped are two. */
    private static final int MAX_EDITS = 2;
    private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();

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
            int d = EDITS.apply(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d > MAX_EDITS) continue;
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && !out.contains(k)) out.add(k);
        }
        return out;
    }
}
