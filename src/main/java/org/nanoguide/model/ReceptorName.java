package org.nanoguide.model;

/** Receptors a case may report, as spelled in the case format. */
public enum ReceptorName { HER2, FOLATE_RECEPTOR, TRANSFERRIN_RECEPTOR }
