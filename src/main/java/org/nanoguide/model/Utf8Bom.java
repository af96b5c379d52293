package org.nanoguide.model;

/**
 * The UTF-8 byte order mark, which spreadsheet programs and Windows editors put before the text.
 * Every reader of cases skips it, whether it looks at bytes, a stream or decoded text, so that a
 * file saved by such a program reads the same as one without it.
 */
public final class Utf8Bom {
    private static final byte[] BYTES = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Bom() { }

    /** How many bytes at the start of {@code bytes} are a byte order mark: 3, or 0 when there is none. */
    public static int length(byte[] bytes) {
        if (bytes.length < BYTES.length) return 0;
        for (int i = 0; i < BYTES.length; i++) {
            if (bytes[i] != BYTES[i]) return 0;
        }
        return BYTES.length;
    }

    /**
     * Whether {@code b}, the byte at {@code position} from the start of a stream read one byte at a
     * time, is the byte a byte order mark has there.
     */
    static boolean isAt(int position, int b) {
        return position < BYTES.length && b == (BYTES[position] & 0xff);
    }

    /**
     * Whether text whose first bytes are {@code first[0..n)} is UTF-16 or UTF-32 rather than
     * UTF-8: a UTF-16 byte order mark, or a zero byte. A case (JSON, NDJSON or CSV) starts with a
     * printable ASCII character, which those encodings pad with zero bytes, so the first two bytes
     * give them away; Jackson would read such text silently, and the CLI and the service both
     * take UTF-8 only.
     */
    public static boolean looksWide(byte[] first, int n) {
        if (n >= 2 && ((first[0] & 0xFF) == 0xFE && (first[1] & 0xFF) == 0xFF || (first[0] & 0xFF) == 0xFF && (first[1] & 0xFF) == 0xFE)) {
            return true;
        }
        for (int i = 0; i < Math.min(n, first.length); i++) if (first[i] == 0) return true;
        return false;
    }

    /** What the readers say of such text. */
    public static final String NOT_UTF8 = "not UTF-8 (it starts with a zero byte or a UTF-16 byte order mark: UTF-16 or UTF-32?)";

    /** {@code text} without the byte order mark it starts with, once decoded, if any. */
    static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
