package org.nanoguide.model;

/** The least mature evidence a care team accepts (case field constraints.evidence). */
public enum EvidenceAccepted { APPROVED_ONLY, CLINICAL_TRIAL, INVESTIGATIONAL }
