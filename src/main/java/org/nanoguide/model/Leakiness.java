package org.nanoguide.model;

public enum Leakiness { HIGH, LOW, UNKNOWN }
