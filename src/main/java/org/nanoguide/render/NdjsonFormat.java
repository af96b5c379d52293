package org.nanoguide.render;

import java.nio.charset.StandardCharsets;
import org.nanoguide.explain.Result;

/**
 * NDJSON: each result's compact JSON on its own line, as UTF-8 bytes the worker threads encode,
 * written as each case finishes.
 */
public final class NdjsonFormat implements ResultFormat<byte[]> {
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
    private final Output out;

    public NdjsonFormat(Output out) { this.out = out; }

    @Override
    public byte[] render(Result result) { return ResultJson.bytes(result, NEWLINE); }

    @Override
    public void write(Result result, byte[] rendered) { out.writeBytes(rendered); }

    @Override
    public void finish() { }
}
