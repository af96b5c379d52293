package org.nanoguide.render;

import java.io.ByteArrayOutputStream;

/**
 * Each thread's buffer for writing a result, reused: a result is about 13 KB. (Jackson's
 * ByteArrayBuilder keeps only its last, smaller block on reset, so once a result outgrew it, it
 * allocated new blocks for nearly every result after; this one keeps its largest array.)
 */
final class OutputBuffer {
    private static final int MAX_KEPT = 1 << 20;
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayOutputStream(32_768));

    private OutputBuffer() { }

    /** This thread's buffer, emptied. */
    static ByteArrayOutputStream empty() {
        ByteArrayOutputStream out = BUFFER.get();
        out.reset();
        return out;
    }

    /** What was written to this thread's buffer. */
    static byte[] bytes(ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        // a rare huge result (a runaway's trace) should not leave its buffer with the thread
        if (bytes.length > MAX_KEPT) BUFFER.remove();
        return bytes;
    }
}
