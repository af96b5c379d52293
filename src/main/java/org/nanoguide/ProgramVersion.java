package org.nanoguide;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * This program's version, from the build: the one source for {@code nanoguide --version} (as
 * picocli's version provider) and for the service's health answer.
 */
public final class ProgramVersion implements CommandLine.IVersionProvider {
    private static final String VERSION = read();

    /** The version the build wrote, or {@code unknown} when run from classes without it. */
    public static String version() { return VERSION; }

    @Override
    public String[] getVersion() {
        return new String[] {"nanoguide " + VERSION, "Java " + System.getProperty("java.version")};
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/nanoguide/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // a version that cannot be read is reported as unknown, never a failure to start
        }
        return p.getProperty("version", "unknown");
    }
}
