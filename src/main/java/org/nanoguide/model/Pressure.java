package org.nanoguide.model;

public enum Pressure { HIGH, NORMAL, UNKNOWN }
