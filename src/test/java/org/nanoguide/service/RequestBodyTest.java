package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The request body rules without a socket: content type, limit, drain, byte-order mark. */
class RequestBodyTest {

    @Test
    void acceptsJsonAndCsvInUtf8InAnySpelling() {
        for (String type : new String[] {"application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/json; Charset=\"utf8\"", "application/json; foo=bar"}) {
            assertFalse(RequestBody.isCsv(type), type);
        }
        for (String type : new String[] {"text/csv", "Text/CSV", "text/csv; charset=utf-8", "text/csv;header=present"}) {
            assertTrue(RequestBody.isCsv(type), type);
        }
    }

    @Test
    void refusesOtherTypesAndCharsetsWith415() {
        ApiException none = assertThrows(ApiException.class, () -> RequestBody.isCsv(null));
        assertEquals(415, none.status);
        assertTrue(none.getMessage().contains("(none)"), none.getMessage());
        ApiException text = assertThrows(ApiException.class, () -> RequestBody.isCsv("text/plain"));
        assertTrue(text.getMessage().startsWith("unsupported content type \"text/plain\""), text.getMessage());
        assertTrue(text.getMessage().endsWith("or cases as CSV with Content-Type: text/csv"), text.getMessage());
        ApiException latin = assertThrows(ApiException.class, () -> RequestBody.isCsv("application/json; charset=ISO-8859-1"));
        assertEquals(415, latin.status);
        assertEquals("unsupported charset \"iso-8859-1\": send the case as UTF-8 JSON", latin.getMessage());
        ApiException latinCsv = assertThrows(ApiException.class, () -> RequestBody.isCsv("text/csv; charset=windows-1252"));
        assertEquals("unsupported charset \"windows-1252\": send the case as UTF-8 CSV", latinCsv.getMessage());
    }

    @Test
    void readsABodyUpToTheLimit() {
        byte[] body = "{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, RequestBody.read(() -> new ByteArrayInputStream(body), body.length, body.length));
        assertArrayEquals(body, RequestBody.read(() -> new ByteArrayInputStream(body), -1, body.length), "chunked");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsDrainedThenRefused() {
        Counting in = new Counting(new ByteArrayInputStream(new byte[5000]));
        ApiException e = assertThrows(ApiException.class, () -> RequestBody.read(() -> in, 5000, 100));
        assertEquals(413, e.status);
        assertEquals("request body of 5000 bytes is over the limit of 100 bytes", e.getMessage());
        assertEquals(5000, in.read.get(), "the whole body was read, so the client sees the answer");
        assertFalse(e.closeConnection, "drained: the connection can go on");
        assertTrue(in.closed.get());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() {
        ApiException e = assertThrows(ApiException.class, () -> RequestBody.read(() -> new ByteArrayInputStream(new byte[300]), -1, 100));
        assertEquals(413, e.status);
        assertEquals("request body is over the limit of 100 bytes", e.getMessage());
        assertFalse(e.closeConnection);
    }

    @Test
    void aBodyFarOverTheLimitIsNotReadButTheConnectionClosed() {
        long declared = 100 + RequestBody.DRAIN_LIMIT + 1;
        Counting in = new Counting(new ByteArrayInputStream(new byte[10]));
        ApiException e = assertThrows(ApiException.class, () -> RequestBody.read(() -> in, declared, 100));
        assertEquals(413, e.status);
        assertEquals(0, in.read.get(), "nothing read");
        assertTrue(e.closeConnection);
    }

    @Test
    void aBodyThatCannotBeReadIs400() {
        ApiException e = assertThrows(ApiException.class, () -> RequestBody.read(() -> {
            throw new IOException("connection reset");
        }, 10, 100));
        assertEquals(400, e.status);
        assertEquals("cannot read the request body: connection reset", e.getMessage());
    }

    /** Counts what is read and whether the stream was closed. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        final AtomicLong read = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();

        Counting(InputStream in) { this.in = in; }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) read.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) read.addAndGet(n);
            return n;
        }

        @Override
        public void close() { closed.set(true); }
    }
}
