package org.nanoguide.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML templates (Mustache, in {@code nanoguide/templates} on the class path). Mustache
 * escapes every value it writes unless a template asks otherwise, so text from a case or a rule
 * can never become markup; the templates ask otherwise only for the style sheet and for HTML
 * these templates rendered themselves. Compiled templates are safe to run on many threads.
 */
public final class Templates {
    private static final String ROOT = "nanoguide/templates";
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory(ROOT);
    private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();
    /** The page's style sheet, inlined so that a saved report is one file. */
    static final String CSS = resource("report.css");

    private Templates() { }

    /** The template {@code name} (without {@code .mustache}) filled from {@code scope}. */
    public static String render(String name, Object scope) {
        StringWriter w = new StringWriter(1024);
        COMPILED.computeIfAbsent(name, n -> FACTORY.compile(n + ".mustache")).execute(w, scope);
        return w.toString();
    }

    /** A file next to the templates, as text. */
    public static String resource(String file) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + "/" + file)) {
            if (in == null) throw new IllegalStateException("missing from the class path: " + ROOT + "/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
