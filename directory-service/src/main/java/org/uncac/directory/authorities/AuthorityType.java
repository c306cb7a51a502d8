package org.uncac.directory.authorities;

/** The kinds of competent national authority the directory lists. */
public enum AuthorityType {
    /** Body or bodies that prevent corruption, art. 6 (3). */
    PREVENTION,
    /** Central authority for mutual legal assistance, art. 46 (13). */
    MUTUAL_LEGAL_ASSISTANCE,
    /** Authority for extradition requests. */
    EXTRADITION,
    /** Focal point for asset recovery (Conference resolutions on chapter V). */
    ASSET_RECOVERY,
    /** Authority for cooperation in civil and administrative proceedings (Conference res. 6/4). */
    CIVIL_ADMINISTRATIVE
}
