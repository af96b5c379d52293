package org.nanoguide.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nanoguide.ProgramVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nanoguide}: evaluate cases, check and list rules, serve over HTTP. */
@Command(name = "nanoguide",
        mixinStandardHelpOptions = true,
        versionProvider = ProgramVersion.class,
        description = {
                "Explained, cited advice on cancer nanomedicine carriers from a rule base built on a 2025 review.",
                "Research decision support only, not a prescription."},
        footer = {"", "Exit status: 0 all good; 1 some input rejected or some check failed; 2 usage or rule errors."})
public final class Main implements Runnable {
    /** The subcommands, in the order the usage text lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(EvaluateCommand.class, CheckCommand.class, DiffCommand.class,
            RulesCommand.class, ServeCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietDroolsHints();
        if (args.length > 0 && args[0].equals("evaluate") && !names("--rules", args)) EvaluateCommand.startAhead();
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(StdOut.of(results()));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int status = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(status);
    }

    /**
     * Compiling edited rules, Drools logs a WARN per constraint it cannot index ("class
     * reactivity"): advice on its own performance, not a problem of the rules, which {@code check}
     * and {@code serve} report themselves as {@code file:line:column}. A user's own setting wins.
     */
    private static void quietDroolsHints() { logAtLeast("org.drools.mvel.MVELConstraint", "error"); }

    /** Logs {@code logger} at {@code level} and above, unless the user set its level (slf4j-simple reads it at first use). */
    static void logAtLeast(String logger, String level) {
        String key = "org.slf4j.simpleLogger.log." + logger;
        if (System.getProperty(key) == null) System.setProperty(key, level);
    }

    /**
     * Where results go: standard output, or the descriptor named by {@code nanoguide.stdout.fd}.
     * The launcher hands the user's standard output over that way and points the JVM's own at
     * stderr, because the JVM prints its crash banner on its standard output, where it would pass
     * for results. The descriptor is taken as it is (the same open file, offset and mode), which
     * only {@link java.io.FileDescriptor}'s private field allows ({@code --add-opens java.base/java.io}).
     */
    private static java.io.OutputStream results() {
        String fd = System.getProperty("nanoguide.stdout.fd");
        if (fd == null) return new java.io.FileOutputStream(java.io.FileDescriptor.out);
        try {
            java.io.FileDescriptor d = new java.io.FileDescriptor();
            java.lang.reflect.Field f = java.io.FileDescriptor.class.getDeclaredField("fd");
            f.setAccessible(true);
            f.setInt(d, Integer.parseInt(fd));
            return new java.io.FileOutputStream(d);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                return new java.io.FileOutputStream("/proc/self/fd/" + fd, true);
            } catch (java.io.FileNotFoundException notThere) {
                return new java.io.FileOutputStream(java.io.FileDescriptor.out);
            }
        }
    }

    /** Whether an argument is this option, alone or with its value after '='. */
    private static boolean names(String option, String[] args) {
        for (String a : args) if (a.equals(option) || a.startsWith(option + "=")) return true;
        return false;
    }

    /** Runs a command line and returns its exit status (tests call this). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** The whole command line, every subcommand in it. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for arguments that start with {@code first}: when it names a subcommand,
     * with that one only, because picocli reads every subcommand's options by reflection when
     * it is added, which is a large part of a short run's start; else with all of them (the
     * usage text lists them, {@code help} names the others, and a misspelt name is compared with each).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) only = c;
        }
        for (Class<?> c : SUBCOMMANDS) if (only == null || c == only) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("nanoguide: " + ex.getMessage());
            return 2;
        });
        cl.setExitCodeExceptionMapper(ex -> 2);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrors());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
