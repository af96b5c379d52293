package org.nanoguide.bench;

import java.util.concurrent.TimeUnit;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) the knowledge base from rules/, in a warm JVM and in a fresh one: {@code build*} always
 * compiles the DRL (MVEL build); {@code load*} is what the program does, which for an unedited
 * rules/ loads the executable model precompiled at build time (for another folder it is a DRL build).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KnowledgeBaseBench {
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    @Fork(1)
    public KnowledgeBase buildWarm() throws Exception {
        return KnowledgeBaseLoader.compileDrl(RuleFiles.fromFolder(BenchCases.rules()));
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public KnowledgeBase buildCold() throws Exception {
        return KnowledgeBaseLoader.compileDrl(RuleFiles.fromFolder(BenchCases.rules()));
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    @Fork(1)
    public KnowledgeBase loadWarm() throws Exception {
        return KnowledgeBaseLoader.load(BenchCases.rules());
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public KnowledgeBase loadCold() throws Exception {
        return KnowledgeBaseLoader.load(BenchCases.rules());
    }
}
