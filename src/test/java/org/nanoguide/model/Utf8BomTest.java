package org.nanoguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one test for a UTF-8 byte order mark, shared by every reader of cases and the service. */
class Utf8BomTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void aMarkIsThreeBytesAndOnlyTheWholeMarkCounts() {
        assertEquals(3, Utf8Bom.length(new byte[] {BOM[0], BOM[1], BOM[2], '{'}));
        assertEquals(3, Utf8Bom.length(BOM));
        assertEquals(0, Utf8Bom.length(new byte[] {BOM[0], BOM[1]}));
        assertEquals(0, Utf8Bom.length(new byte[] {BOM[0], BOM[1], '{'}));
        assertEquals(0, Utf8Bom.length("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, Utf8Bom.length(new byte[0]));
    }

    @Test
    void decodedTextLosesTheMarkAndNothingElse() {
        assertEquals("id,tumor.type", Utf8Bom.strip("\uFEFFid,tumor.type"));
        assertEquals("id", Utf8Bom.strip("id"));
        assertEquals("", Utf8Bom.strip(""));
    }

    @Test
    void aCsvHeaderAfterAMarkIsStillAHeader() throws IOException {
        byte[] csv = "\uFEFFid,tumor.type\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(CsvCases.startsWithHeader(new ByteArrayInputStream(csv)));
        byte[] ndjson = "\uFEFF{\"tumor\": {}}\n".getBytes(StandardCharsets.UTF_8);
        assertFalse(CsvCases.startsWithHeader(new ByteArrayInputStream(ndjson)));
        assertTrue(Utf8Bom.isAt(0, 0xEF) && Utf8Bom.isAt(1, 0xBB) && Utf8Bom.isAt(2, 0xBF));
        assertFalse(Utf8Bom.isAt(0, 0xBB) || Utf8Bom.isAt(3, 0xEF));
    }
}
