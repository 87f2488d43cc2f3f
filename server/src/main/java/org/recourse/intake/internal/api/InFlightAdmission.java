package org.recourse.intake.internal.api;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.PartnerKeyChain;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.platform.RequestArrival;

/**
 * Admits a partner report only while fewer than the configured number are in progress on this
 * node; a request that found no place before it had waited {@code max-wait} since it arrived is
 * answered 503 with Retry-After, instead of a growing queue that times out for everyone.
 */
class InFlightAdmission implements PartnerKeyChain.Admission {

    private final IntakeSettings settings;
    private final ApiProblems problems;
    private final Semaphore inFlight;

    InFlightAdmission(IntakeSettings settings, ApiProblems problems) {
        this.settings = settings;
        this.problems = problems;
        this.inFlight = new Semaphore(settings.api().maxConcurrentRequests());
    }

    @Override
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long remaining = RequestArrival.deadline(request, settings.api().maxWait()) - System.nanoTime();
        try {
            if (inFlight.tryAcquire(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        problems.busy(request, response);
        return false;
    }

    @Override
    public void release() {
        inFlight.release();
    }
}
