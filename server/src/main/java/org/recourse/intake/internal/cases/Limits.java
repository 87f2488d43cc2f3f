package org.recourse.intake.internal.cases;

/** Size limits on every text a report can carry, checked on every channel. */
public final class Limits {

    public static final int DESCRIPTION = 5000;
    public static final int OTHER_FORM_TEXT = 500;
    public static final int ITEM_DESCRIPTION = 2000;
    public static final int PLATFORM = 100;
    public static final int ACCOUNT = 200;
    public static final int ITEMS = 20;
    public static final int FORMS = 20;
    public static final int EMAIL = 254;
    public static final int PHONE = 32;
    public static final int MUNICIPALITY = 100;
    public static final int ORIGIN_TEXT = 200;
    public static final int ADDITION = 5000;

    private Limits() {
    }
}
