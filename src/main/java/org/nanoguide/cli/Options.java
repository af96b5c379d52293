package org.nanoguide.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Option checks picocli's types cannot express, reported as picocli's own usage errors (message, usage, exit 2). */
final class Options {
    private Options() { }

    /** A combination of options, or a value, that the options' types cannot rule out. */
    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), spec.qualifiedName() + ": " + message);
    }

    static void between(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw usage(spec, option + " must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw usage(spec, option + " must be " + (min == 0 ? "0 or more" : "at least " + min) + " (was " + value + ")");
        }
    }
}
