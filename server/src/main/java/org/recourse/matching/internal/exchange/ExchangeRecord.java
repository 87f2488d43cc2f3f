package org.recourse.matching.internal.exchange;

import org.recourse.matching.SignalType;

/**
 * One signal read from an exchange file, with the line (or record number) it came from; or the
 * reason it could not be read ({@code type} or {@code hex} null then).
 */
record ExchangeRecord(int line, SignalType type, String hex, String unreadable) {

    static ExchangeRecord of(int line, SignalType type, String hex) {
        return new ExchangeRecord(line, type, hex, null);
    }

    static ExchangeRecord unreadable(int line, String why) {
        return new ExchangeRecord(line, null, null, why);
    }
}
