package org.nanoguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

class SchemaDocTest {
    @Test
    void theSchemaInDocsIsTheOneTheProgramUses() throws Exception {
        assertEquals(new CaseReader().schemaText(), Files.readString(TestKb.ROOT.resolve("docs/case.schema.json")),
                "docs/case.schema.json is stale: copy src/main/resources/nanoguide/case.schema.json over it");
    }
}
