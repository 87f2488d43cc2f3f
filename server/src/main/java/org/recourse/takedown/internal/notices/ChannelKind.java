package org.recourse.takedown.internal.notices;

import java.util.Locale;

import org.recourse.directory.Organisation;

/**
 * The ways a notice can go, as an analyst chooses them when routing by hand; {@link #code()} is
 * how a notice stores it.
 */
public enum ChannelKind {
    EMAIL("email"),
    XARF("xarf"),
    API("api"),
    WEB_FORM("manual");

    private final String code;

    ChannelKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The address the directory records for this channel of {@code organisation}, or null when it records none. */
    public String address(Organisation organisation) {
        String address = switch (this) {
            case EMAIL -> organisation.noticeEmail();
            case XARF -> organisation.noticeXarf() ? organisation.noticeEmail() : null;
            case API -> organisation.noticeApi();
            case WEB_FORM -> organisation.noticeForm();
        };
        return address == null || address.isBlank() ? null : address;
    }

    /** For form values: {@code email}, {@code xarf}, {@code api}, {@code web_form}. */
    public String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<ChannelKind> fromFormValue(String value) {
        for (ChannelKind kind : values()) {
            if (kind.formValue().equals(value)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
