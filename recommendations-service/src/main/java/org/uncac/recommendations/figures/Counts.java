package org.uncac.recommendations.figures;

/** What a published figure counts. */
public enum Counts { GLOBE_MEMBERS, OTHER }
