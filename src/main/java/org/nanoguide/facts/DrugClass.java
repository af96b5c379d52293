package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** A rule's classification of a planned drug ({@code ANTHRACYCLINE}, {@code CYTOTOXIC}, ...), for other rules to ask about. */
public record DrugClass(String drug, String drugClass) {
    @Override
    public String toString() { return RecordText.of(this); }
}
