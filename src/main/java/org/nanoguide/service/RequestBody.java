package org.nanoguide.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.nanoguide.model.Utf8Bom;

/**
 * What the service accepts as a request body, apart from any socket: a JSON or CSV content type
 * in UTF-8, a size limit, and the draining that lets a client see the answer to a body over the limit.
 */
final class RequestBody {
    /** How much of a body over the limit is read and dropped so that the client sees the 413. */
    static final long DRAIN_LIMIT = 8L << 20;

    private RequestBody() { }

    /** Where the body comes from: the request's stream, or bytes in a test. */
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Whether a body of cases is CSV ({@code text/csv}) rather than JSON ({@code application/json}),
     * either with no charset or UTF-8 (media type and parameter names in any case, the charset
     * value quoted or not).
     *
     * @throws ApiException 415 for any other type or charset
     */
    static boolean isCsv(String type) {
        String media = mediaType(type);
        if (media.equals("text/csv")) {
            requireUtf8Charset(type, "CSV");
            return true;
        }
        if (!media.equals("application/json")) {
            throw new ApiException(415, "unsupported content type " + named(type) + ": send the case as JSON with Content-Type: "
                    + "application/json, or cases as CSV with Content-Type: text/csv");
        }
        requireUtf8Charset(type, "JSON");
        return false;
    }

    private static String mediaType(String type) {
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String named(String type) {
        return type == null || type.isBlank() ? "(none)" : "\"" + type + "\"";
    }

    private static void requireUtf8Charset(String type, String format) {
        String[] parts = type.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (!param[0].strip().equalsIgnoreCase("charset")) continue;
            String charset = param.length < 2 ? "" : unquote(param[1].strip()).toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                throw new ApiException(415, "unsupported charset \"" + charset + "\": send the case as UTF-8 " + format);
            }
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    /**
     * Reads a body of at most {@code max} bytes and closes it. {@code declared} is
     * the Content-Length, or -1 when the body is chunked. Over the limit the answer is 413, but the
     * rest of the body is first read and dropped (up to {@link #DRAIN_LIMIT} more bytes): a server
     * that answers and closes while the client still sends makes the client's TCP stack discard
     * the answer, and the client would see a reset instead of the 413. A body too large even for
     * that gets its 413 with the connection closed.
     *
     * @throws ApiException 413 over the limit, 408 when it did not arrive in time (see
     *                      {@link #withDeadline}), 400 when it cannot be read
     */
    static byte[] read(Source body, long declared, long max) {
        try (InputStream in = body.open()) {
            if (declared > max) {
                boolean drained = declared <= max + DRAIN_LIMIT && drain(in, declared);
                throw tooLarge(drained, "request body of " + declared + " bytes is over the limit of " + max + " bytes");
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                boolean drained = drain(in, DRAIN_LIMIT);
                throw tooLarge(drained, "request body is over the limit of " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            if (e instanceof TooSlow || causedBy(e, TimeoutException.class)) {
                throw new ApiException(408, "the request body did not arrive in time"
                        + (e instanceof TooSlow ? " (" + e.getMessage() + ")" : " (it stopped arriving)")
                        + "; send the whole body at once").closingConnection();
            }
            // the server's own exception names are no business of the client's
            String why = e.getMessage() == null || e.getMessage().contains("Exception") ? "the connection failed" : e.getMessage();
            throw new ApiException(400, "cannot read the request body: " + why).closingConnection();
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    /** The body took longer than its limit to arrive. */
    static final class TooSlow extends IOException {
        TooSlow(String message) { super(message); }
    }

    /**
     * The body, to be read completely within {@code limitMillis} of now. Before each read the
     * connection's idle timeout is cut to the time left (via {@code idleTimeout}), so a body that
     * stops arriving fails at the deadline; a body that trickles in is stopped at the first read
     * after it. Without this a client sending a byte every few seconds holds a thread for as long
     * as it likes, since every byte restarts the idle timeout.
     */
    static InputStream withDeadline(InputStream in, long limitMillis, LongConsumer idleTimeout) {
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        return new FilterInputStream(in) {
            private long left() throws TooSlow {
                long ms = (deadline - System.nanoTime()) / 1_000_000;
                if (ms <= 0) throw new TooSlow("the limit is " + limitMillis + " ms");
                return ms;
            }

            @Override
            public int read() throws IOException {
                idleTimeout.accept(left());
                int b = super.read();
                left();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                idleTimeout.accept(left());
                int n = super.read(b, off, len);
                left();
                return n;
            }
        };
    }

    /** Reads and drops the rest of a body, up to {@code limit} bytes; true when it ended within them. */
    private static boolean drain(InputStream in, long limit) throws IOException {
        byte[] buf = new byte[65536];
        long left = limit;
        while (true) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, Math.max(1, left)));
            if (n < 0) return true;
            left -= n;
            if (left < 0) return false;
        }
    }

    private static ApiException tooLarge(boolean drained, String message) {
        ApiException e = new ApiException(413, message);
        return drained ? e : e.closingConnection();
    }

    /**
     * Refuses a body in UTF-16 or UTF-32, which the JSON parser would otherwise detect and accept
     * whatever the content type says: JSON's first character is ASCII, so a zero byte or a
     * UTF-16 byte-order mark among the first four bytes gives them away.
     *
     * @throws ApiException 415
     */
    static void requireUtf8(byte[] body) {
        if (Utf8Bom.looksWide(body, Math.min(4, body.length))) throw new ApiException(415, "the request body is not UTF-8 (it looks like UTF-16 or UTF-32): send the case as UTF-8 JSON");
    }
}
