package org.recourse.pdq;

/**
 * The eight dihedral variants of an image. PDQ derives their hashes from the one DCT of the
 * original, so matching rotated or mirrored copies costs no second decode.
 */
public enum Orientation {
    ORIGINAL,
    ROTATE_90,
    ROTATE_180,
    ROTATE_270,
    FLIP_X,
    FLIP_Y,
    /** Mirror along the main diagonal (transpose). */
    FLIP_MAIN_DIAGONAL,
    /** Mirror along the anti-diagonal. */
    FLIP_ANTI_DIAGONAL
}
