package org.recourse.evidence.internal.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;
import org.recourse.evidence.FetchResult.Header;

/** Reads an HTTP/1.1 response head and body with hard limits on every part. */
final class HttpResponseReader {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    record Head(int status, List<Header> headers) {
        String first(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
        }
    }

    private final InputStream in;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /** The first final (non-1xx) response head. */
    Head readHead() throws IOException, FetchRefusedException {
        while (true) {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the server did not answer with HTTP/1.x");
            }
            int status = Integer.parseInt(parts[1]);
            List<Header> headers = new ArrayList<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                    throw new FetchRefusedException(Reason.PROTOCOL, "the server sent malformed or too many headers");
                }
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            if (status >= 200) {
                return new Head(status, headers);
            }
        }
    }

    /** The body as sent (chunked framing removed, nothing else), refused past {@code maxBytes}. */
    byte[] readBody(Head head, long maxBytes) throws IOException, FetchRefusedException {
        if (head.status() == 204 || head.status() == 304) {
            return new byte[0];
        }
        String transferEncoding = head.first("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(maxBytes);
        }
        String length = head.first("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the server sent an invalid Content-Length");
            }
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the connection closed before the whole body arrived");
            }
            return body;
        }
        return readUntilClose(maxBytes);
    }

    private byte[] readChunked(long maxBytes) throws IOException, FetchRefusedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the server sent a malformed chunk");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers carry nothing we keep
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the connection closed inside a chunk");
            }
            body.writeBytes(chunk);
            readLine();
        }
    }

    private byte[] readUntilClose(long maxBytes) throws IOException, FetchRefusedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + (long) n > maxBytes) {
                throw tooLarge(maxBytes);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private String readLine() throws IOException, FetchRefusedException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the connection closed in the middle of the response");
            }
            if (line.size() >= MAX_LINE) {
                throw new FetchRefusedException(Reason.PROTOCOL, "the server sent an overlong header line");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static FetchRefusedException tooLarge(long maxBytes) {
        return new FetchRefusedException(Reason.TOO_LARGE, "the response is larger than the limit of " + maxBytes + " bytes");
    }
}
