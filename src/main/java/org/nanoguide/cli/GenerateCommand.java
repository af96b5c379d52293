package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nanoguide.model.CaseGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write random valid cases as NDJSON, one a line: for simulations, benchmarks and load tests.",
                "The same seed gives the same cases.",
                "Each case has a tumor type drawn uniformly; each optional section and field is present three times in four"
                        + " (pregnancy one in ten), with a value drawn uniformly from those the case format allows: age 18-94,"
                        + " depth 0 to 12 cm, size 0.2 to 10 cm, prior anthracycline 0-550 mg/m2 in steps of 50, 0-2 planned drugs,"
                        + " multidrug resistance one in three. A spread for testing the rules, not a clinical population."},
        footer = {"", "Example: nanoguide generate --count 10000 > cohort.ndjson"})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--count"}, defaultValue = "1000", paramLabel = "N", description = "How many cases. Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        Options.atLeast(spec, "--count", count, 0);
        PrintWriter out = spec.commandLine().getOut();
        CaseGenerator g = new CaseGenerator(seed);
        for (long i = 0; i < count; i++) out.println(g.next().toString());
        out.flush();
        return 0;
    }
}
