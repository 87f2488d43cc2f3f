package org.recourse.operations.internal;

/** One result of the doctor: fine, worth a look, or to fix; with what to do in plain words. */
public record Finding(Level level, String what, String advice) {

    public enum Level { OK, WARNING, PROBLEM }

    static Finding ok(String what) {
        return new Finding(Level.OK, what, "");
    }

    static Finding warning(String what, String advice) {
        return new Finding(Level.WARNING, what, advice);
    }

    static Finding problem(String what, String advice) {
        return new Finding(Level.PROBLEM, what, advice);
    }

    public boolean mustFix() {
        return level == Level.PROBLEM;
    }

    public String line() {
        return String.format("%-8s %s%s", level, what, advice.isEmpty() ? "" : " — " + advice);
    }
}
