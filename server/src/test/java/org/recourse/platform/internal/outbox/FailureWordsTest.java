package org.recourse.platform.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.recourse.platform.DeliveryFailure;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Failures as Jakarta Mail and Spring report them, put into words a person can act on; never a bare class name. */
class FailureWordsTest {

    @Test
    void aMailServerThatCannotBeReachedIsNamedWithTheReason() {
        MailSendException failure = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host, port: mx.example.org, 2525; timeout 30000",
                        new ConnectException("Connection refused")));
        assertThat(FailureWords.describe(failure)).isEqualTo("could not connect to the mail server mx.example.org:2525: Connection refused");
        assertThat(FailureWords.brief(failure)).isEqualTo("ConnectException");
    }

    @Test
    void aRefusedSignInAndAnUnknownHostAreSaidAsSuch() {
        assertThat(FailureWords.describe(new MailAuthenticationException(new AuthenticationFailedException("535 5.7.8 Bad credentials"))))
                .isEqualTo("the mail server refused the sign-in: 535 5.7.8 Bad credentials");
        assertThat(FailureWords.describe(new MessagingException("Unknown SMTP host: smtp.nowhere.test",
                new UnknownHostException("smtp.nowhere.test")))).isEqualTo("host name not found: smtp.nowhere.test");
    }

    @Test
    void aSendersOwnWordsWinAndLongTextIsCut() {
        assertThat(FailureWords.describe(new RuntimeException("wrapped", new DeliveryFailure("HTTP 429 Too Many Requests"))))
                .isEqualTo("HTTP 429 Too Many Requests");
        String words = FailureWords.describe(new DeliveryFailure("HTTP 500 Internal Server Error: " + "x".repeat(2000)));
        assertThat(words).hasSize(FailureWords.MAX).endsWith("…");
    }
}
