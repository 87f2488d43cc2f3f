package org.recourse.matching.internal.victim;

import java.util.ArrayList;
import java.util.List;

import org.recourse.intake.CasesFromHashes;

/**
 * The hashing page's form for a person without a case: the few answers a case needs, the form's
 * one-time token and, per image, the hashes the page computed ({@code pdq} as {@code hex:quality},
 * {@code md5}). Field names are the report form's, so its contact fields can be shown as they are.
 */
public class NewCaseForm {

    private String reporterType;
    private List<String> forms = new ArrayList<>();
    private String minor;
    private boolean contactConsent;
    private String contactEmail;
    private String contactPhone;
    private String submission;
    private List<String> pdq = new ArrayList<>();
    private List<String> md5 = new ArrayList<>();

    CasesFromHashes.Answers answers() {
        return new CasesFromHashes.Answers(reporterType, forms, minor, contactConsent, contactEmail, contactPhone);
    }

    /** The images as posted, paired by position. */
    List<BankingVictimHashes.ImageHashes> images() {
        List<BankingVictimHashes.ImageHashes> images = new ArrayList<>();
        for (int i = 0; i < Math.max(pdq.size(), md5.size()); i++) {
            images.add(new BankingVictimHashes.ImageHashes(i < pdq.size() ? pdq.get(i) : null, i < md5.size() ? md5.get(i) : null));
        }
        return images;
    }

    /** Forgets the hashes, so a page shown again does not offer them for sending. */
    void dropHashes() {
        pdq = new ArrayList<>();
        md5 = new ArrayList<>();
    }

    public String getReporterType() { return reporterType; }
    public void setReporterType(String reporterType) { this.reporterType = reporterType; }
    public List<String> getForms() { return forms; }
    public void setForms(List<String> forms) { this.forms = forms == null ? new ArrayList<>() : forms; }
    public String getMinor() { return minor; }
    public void setMinor(String minor) { this.minor = minor; }
    public boolean isContactConsent() { return contactConsent; }
    public void setContactConsent(boolean contactConsent) { this.contactConsent = contactConsent; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    /** The form's one-time token: the same token never starts a second case. */
    public String getSubmission() { return submission; }
    public void setSubmission(String submission) { this.submission = submission; }
    public List<String> getPdq() { return pdq; }
    public void setPdq(List<String> pdq) { this.pdq = pdq == null ? new ArrayList<>() : pdq; }
    public List<String> getMd5() { return md5; }
    public void setMd5(List<String> md5) { this.md5 = md5 == null ? new ArrayList<>() : md5; }
}
