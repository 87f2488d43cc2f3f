package org.recourse.pdq;

/**
 * The eight dihedral variants of an image. PDQ derives their hashes from the one DCT of the
 * original, so matching rotated or mirrored copies costs no second decode.
 */
public enum Orientation {
    ORIGINAL,
    /** Rotated 90° counter-clockwise, as the reference names it. */
    ROTATE_90,
    ROTATE_180,
    /** Rotated 90° clockwise. */
    ROTATE_270,
    /** Mirrored top to bottom (rows reversed). */
    FLIP_X,
    /** Mirrored left to right (columns reversed). */
    FLIP_Y,
    /** Mirror along the main diagonal (transpose). */
    FLIP_MAIN_DIAGONAL,
    /** Mirror along the anti-diagonal. */
    FLIP_ANTI_DIAGONAL
}
