package org.recourse.platform.internal.outbox;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.recourse.platform.DeliveryFailure;
import org.springframework.mail.MailSendException;

/**
 * Puts a failed delivery into words a person can act on: the SMTP server's reply with its code,
 * the HTTP status a sender reported, or why no connection was made. Never just a class name.
 */
final class FailureWords {

    static final int MAX = 500;

    private FailureWords() {
    }

    static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof DeliveryFailure) {
                return limit(t.getMessage());
            }
        }
        for (Throwable t : chain) {
            String reply = smtpReply(t);
            if (reply != null) {
                return limit(reply);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException) {
                return limit("the mail server refused the sign-in" + detail(t));
            }
        }
        String where = connectTarget(chain);
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return limit("host name not found: " + t.getMessage());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return limit("could not connect" + (where == null ? "" : " to " + where) + detail(t));
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return limit("no answer in time" + (where == null ? "" : " from " + where) + detail(t));
            }
        }
        Throwable root = chain.getLast();
        return limit(root.getClass().getSimpleName() + detail(root));
    }

    /** A short form for the log: the reply code or the kind of failure, never addresses or text. */
    static String brief(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPAddressFailedException e) {
                return "SMTP " + e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e) {
                return "SMTP " + e.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException e) {
                return "SMTP " + e.getReturnCode();
            }
        }
        return chain(failure).getLast().getClass().getSimpleName();
    }

    private static String smtpReply(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return "the mail server refused recipient " + e.getAddress() + ": " + reply(e.getReturnCode(), e.getMessage());
        }
        if (t instanceof SMTPSenderFailedException e) {
            return "the mail server refused sender " + e.getAddress() + ": " + reply(e.getReturnCode(), e.getMessage());
        }
        if (t instanceof SMTPSendFailedException e) {
            return "the mail server refused the message: " + reply(e.getReturnCode(), e.getMessage());
        }
        return null;
    }

    /** The server's reply line; it already starts with its code, which is added where it does not. */
    private static String reply(int code, String message) {
        String text = message == null ? "" : message.strip();
        return text.startsWith(String.valueOf(code)) ? "SMTP " + text : "SMTP " + code + " " + text;
    }

    /** "Couldn't connect to host, port: h, p; timeout t" is how Jakarta Mail names the server it tried. */
    private static String connectTarget(List<Throwable> chain) {
        for (Throwable t : chain) {
            String message = t.getMessage();
            if (t instanceof MessagingException && message != null && message.startsWith("Couldn't connect to host, port: ")) {
                String[] parts = message.substring("Couldn't connect to host, port: ".length()).split("[,;]");
                return parts.length >= 2 ? "the mail server " + parts[0].strip() + ":" + parts[1].strip() : null;
            }
        }
        return null;
    }

    private static String detail(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse("").strip();
    }

    /** Causes, the exceptions Spring collects per failed message, and Jakarta Mail's chained next exceptions. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && out.size() < 50) {
            Throwable t = pending.removeFirst();
            if (seen.put(t, true) != null) {
                continue;
            }
            out.add(t);
            if (t instanceof MailSendException send) {
                pending.addAll(List.of(send.getMessageExceptions()));
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getNextException() != null) {
                pending.add(sendFailed.getNextException());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
        }
        return out;
    }

    private static String limit(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX ? oneLine.substring(0, MAX - 1) + "…" : oneLine;
    }
}
