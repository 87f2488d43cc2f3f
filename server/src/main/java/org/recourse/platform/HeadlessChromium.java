package org.recourse.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How Recourse runs Debian's Chromium without a screen (evidence screenshots, browser hashing): the
 * same quiet flags, a private profile that is deleted afterwards, and a stop that takes the helper
 * processes (zygote, renderer, GPU) along.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** The flags every headless run uses: no sandbox (containers), no GPU, no background traffic, its own profile. */
    public static List<String> flags(Path profile) {
        return List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-quic", "--mute-audio", "--user-data-dir=" + profile);
    }

    /** A new profile directory only this user can read, in memory where the machine has /dev/shm. */
    public static Path privateProfile() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createTempDirectory(base, "recourse-chromium-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Stops the browser and its helpers (waiting up to 5 s for it to end by itself). */
    public static void stop(Process browser) {
        if (browser == null) {
            return;
        }
        List<ProcessHandle> helpers = browser.descendants().toList();
        try {
            browser.waitFor(5, TimeUnit.SECONDS);
            browser.destroyForcibly();
            browser.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle helper : helpers) {
                helper.destroyForcibly();
                helper.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A helper that will not die is left to the operating system; the profile is deleted regardless.
        }
    }

    public static void deleteProfile(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
