package org.nanoguide.model;

public enum ReceptorStatus { POSITIVE, NEGATIVE, UNKNOWN }
