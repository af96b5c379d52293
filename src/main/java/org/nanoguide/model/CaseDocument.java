package org.nanoguide.model;

import java.util.List;

/**
 * The cases read from one document, and whether it held an array of them, so that an answer can
 * take the shape it was asked in. A document that is not JSON holds no array.
 */
public record CaseDocument(List<CaseInput> cases, boolean array) {}
