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

    /** {@code text} without the byte order mark it starts with, once decoded, if any. */
    static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
