package org.nanoguide.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;
import org.nanoguide.model.CaseGenerator;

/** Shared inputs: 1,024 generated cases and the rules folder (-Dnanoguide.bench.rules, default rules/). */
final class BenchCases {
    static final int N = 1024;

    private BenchCases() { }

    static Path rules() {
        return Path.of(System.getProperty("nanoguide.bench.rules", "rules"));
    }

    static byte[][] json() {
        byte[][] out = new byte[N][];
        CaseGenerator generator = new CaseGenerator(42);
        for (int i = 0; i < N; i++) out[i] = generator.next().toString().getBytes(StandardCharsets.UTF_8);
        return out;
    }

    static NanoCase[] cases() {
        byte[][] json = json();
        NanoCase[] out = new NanoCase[N];
        for (int i = 0; i < N; i++) {
            List<CaseInput> in = Nanoguide.reader().readDocument("bench", "bench", json[i], i).cases();
            out[i] = ((CaseInput.Valid) in.get(0)).value();
        }
        return out;
    }

    static boolean exists(Path p) { return Files.isDirectory(p); }
}
