package org.nanoguide.render;

import org.nanoguide.kb.References;

/** Plain text, one result after another, separated by a rule. */
public final class TextFormat extends PerResultFormat {
    public TextFormat(Output out, boolean trace, boolean quotes, References references) {
        super(out, "-".repeat(72) + System.lineSeparator(), TextRenderer::render, trace, quotes, references);
    }
}
