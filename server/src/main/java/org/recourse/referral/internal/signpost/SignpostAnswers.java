package org.recourse.referral.internal.signpost;

import java.util.List;

/**
 * The signpost's plain questions as posted. The codes are the report form's (what happened =
 * forms of violence, when = {@code started}, under 18 = {@code minor}, who = {@code relationship},
 * where = {@code platform}) so the answers can go on into the report form unchanged; {@code danger}
 * is yes/no/unsure. Anything else, or nothing, is read as "not known".
 */
public class SignpostAnswers {

    private List<String> forms = new java.util.ArrayList<>();
    private String started;
    private String minor;
    private String relationship;
    private String platform;
    private String danger;

    public List<String> getForms() {
        return forms;
    }

    public void setForms(List<String> forms) {
        this.forms = forms == null ? new java.util.ArrayList<>() : forms;
    }

    public String getStarted() {
        return started;
    }

    public void setStarted(String started) {
        this.started = started;
    }

    public String getMinor() {
        return minor;
    }

    public void setMinor(String minor) {
        this.minor = minor;
    }

    public String getRelationship() {
        return relationship;
    }

    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getDanger() {
        return danger;
    }

    public void setDanger(String danger) {
        this.danger = danger;
    }
}
