package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every command that works on a rules folder shares: its own picocli spec (for its
 * out and err streams and usage errors) and the {@code --rules} option, declared once so
 * the commands cannot drift apart in how they find and name the rules.
 */
abstract class RuleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    PrintWriter out() { return spec.commandLine().getOut(); }

    PrintWriter err() { return spec.commandLine().getErr(); }
}
