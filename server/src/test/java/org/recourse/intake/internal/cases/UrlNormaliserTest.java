package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormaliserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://Example.COM/Path|https://example.com/Path",
            "http://example.com:80/a|http://example.com/a",
            "https://example.com:443|https://example.com/",
            "https://example.com:8443/a|https://example.com:8443/a",
            "example.com/a/b|https://example.com/a/b",
            "https://example.com/a#section|https://example.com/a",
            "https://example.com/v?utm_source=x&id=7&fbclid=abc&UTM_Medium=y|https://example.com/v?id=7",
            "https://example.com/v?utm_source=x|https://example.com/v",
            "https://example.com/a/./b/../c|https://example.com/a/c",
            "https://example.com/some path|https://example.com/some%20path",
            "https://bücher.example/x|https://xn--bcher-kva.example/x",
            "https://example.com./x|https://example.com/x",
            "https://user@example.com/x|https://example.com/x",
            "  https://example.com/x  |https://example.com/x",
            "https://example.com/a%20b|https://example.com/a%20b",
            "https://t.me/s/channel?before=12|https://t.me/s/channel?before=12",
    })
    void normalises(String raw, String expected) throws Exception {
        assertThat(UrlNormaliser.normalise(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/x|intake.url.scheme",
            "javascript:alert(1)|intake.url.scheme",
            "https://|intake.url.host",
            "https://exa mple.com/|intake.url.host",
            "https://example.com:99999/|intake.url.port",
            "https://-bad-.com/|intake.url.host",
    })
    void explainsWhatItCannotParse(String raw, String reason) {
        assertThatThrownBy(() -> UrlNormaliser.normalise(raw))
                .isInstanceOfSatisfying(UrlNormaliser.InvalidUrl.class, e -> assertThat(e.messageKey()).isEqualTo(reason));
    }

    @org.junit.jupiter.api.Test
    void refusesEmptyAndOverlongUrls() {
        assertThatThrownBy(() -> UrlNormaliser.normalise(" ")).isInstanceOf(UrlNormaliser.InvalidUrl.class);
        assertThatThrownBy(() -> UrlNormaliser.normalise("https://example.com/" + "a".repeat(3000)))
                .isInstanceOfSatisfying(UrlNormaliser.InvalidUrl.class,
                        e -> assertThat(e.messageKey()).isEqualTo("intake.url.too-long"));
    }

    @org.junit.jupiter.api.Test
    void reportsTheHost() throws Exception {
        assertThat(UrlNormaliser.normalise("https://WWW.Example.com/x").host()).isEqualTo("www.example.com");
    }
}
