package org.uncac.directory.parties;

/** A State, or a regional economic integration organization such as the European Union (art. 67 (2)). */
public enum PartyKind { STATE, REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION }
