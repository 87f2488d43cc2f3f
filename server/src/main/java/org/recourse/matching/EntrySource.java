package org.recourse.matching;

/** Where a bank entry came from. */
public enum EntrySource {
    /** The victim hashed her own images on her device and sent only the hashes. */
    VICTIM,
    /** An analyst banked evidence of a case. */
    ANALYST,
    /** Imported from a partner's exchange file. */
    IMPORT
}
