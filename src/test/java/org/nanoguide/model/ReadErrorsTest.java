package org.nanoguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read is rejected saying why, not only naming it twice (the review's #47, defect 11). */
class ReadErrorsTest {

    @Test
    void theReasonIsSaidInWordsNotAsThePathAgain() {
        assertEquals("permission denied", CaseSources.why(new AccessDeniedException("/data/b.json")));
        assertEquals("no such file", CaseSources.why(new NoSuchFileException("/data/b.json")));
        assertEquals("Input/output error", CaseSources.why(new FileSystemException("/data/b.json", null, "Input/output error")));
        assertEquals("disk gone", CaseSources.why(new IOException("disk gone")));
    }

    @Test
    void anUnreadableFileInAFolderIsRejectedWithPermissionDenied(@TempDir Path tmp) throws IOException {
        Path good = Files.writeString(tmp.resolve("a.json"), "{\"tumor\": {\"type\": \"LUNG\"}}");
        Path locked = Files.writeString(tmp.resolve("b.json"), "{\"tumor\": {\"type\": \"LUNG\"}}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads whatever the permissions say: there the reason is checked above only
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "this user reads files whatever their permissions");
        List<CaseInput> read = new ArrayList<>();
        new CaseSources(new CaseReader(), List.of(tmp.toString()), InputStream.nullInputStream()).forEachRemaining(read::add);
        assertEquals(2, read.size(), read.toString());
        assertInstanceOf(CaseInput.Valid.class, read.get(0), good.toString());
        CaseInput.Rejected r = assertInstanceOf(CaseInput.Rejected.class, read.get(1));
        assertEquals(locked + ": cannot read: permission denied", r.message());
    }
}
