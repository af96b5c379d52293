package org.nanoguide.render;

import org.nanoguide.kb.References;

/** Markdown, one result after another (each ends with a blank line). */
public final class MarkdownFormat extends PerResultFormat {
    public MarkdownFormat(Output out, boolean trace, boolean quotes, References references) {
        super(out, "", MarkdownRenderer::render, trace, quotes, references);
    }
}
