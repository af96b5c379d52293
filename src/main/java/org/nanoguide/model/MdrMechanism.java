package org.nanoguide.model;

public enum MdrMechanism { EFFLUX_PGP, ALTERED_METABOLISM, DNA_REPAIR }
