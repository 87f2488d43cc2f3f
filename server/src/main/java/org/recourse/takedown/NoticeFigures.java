package org.recourse.takedown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How recipients answer notices over a period, counted from the notices themselves. */
public interface NoticeFigures {

    /** Every recipient that was sent a notice in {@code [from, to)}, by key. */
    List<RecipientFigures> byRecipient(Instant from, Instant to);

    /**
     * @param sent                 notices sent in the period
     * @param acknowledged         of those, the ones the recipient acknowledged or decided on
     * @param medianToAcknowledge  null when none was acknowledged
     */
    record RecipientFigures(String recipientKey, long sent, long acknowledged, Duration medianToAcknowledge) {

        /** Share of the notices sent that nobody acknowledged, 0..1. */
        public double shareIgnored() {
            return sent == 0 ? 0 : (double) (sent - acknowledged) / sent;
        }
    }
}
