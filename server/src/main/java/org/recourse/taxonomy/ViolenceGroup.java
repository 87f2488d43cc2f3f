package org.recourse.taxonomy;

/** The groups the report form shows forms of violence in, in this order. */
public enum ViolenceGroup {
    IMAGE_BASED("image_based"),
    CONTACT("contact"),
    STALKING_AND_CONTROL("stalking_and_control"),
    OTHER("other");

    private final String code;

    ViolenceGroup(String code) {
        this.code = code;
    }

    /** The value stored in the database and used in message keys ({@code taxonomy.group.<code>}). */
    public String code() {
        return code;
    }

    public static ViolenceGroup fromCode(String code) {
        for (ViolenceGroup group : values()) {
            if (group.code.equals(code)) {
                return group;
            }
        }
        throw new IllegalArgumentException("Unknown violence group " + code);
    }
}
