package org.recourse.matching;

import java.io.PrintStream;
import java.util.List;

import org.recourse.matching.internal.browser.HashingInChromium;

/**
 * {@code ./recourse hash --engine browser FILE...}: the victims' page's own script hashes the files
 * in headless Chromium, so anyone can check what a victim's browser computes. Runs before (and
 * without) the application: no database, no server.
 */
public final class BrowserHashing {

    private BrowserHashing() {
    }

    /** {@code hash ...} reaches the server jar only with {@code --engine} (the launcher sends the library engine to pdq/). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals("hash");
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return new HashingInChromium().run(args, out, err);
    }
}
