package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.recourse.platform.CliCommand;
import org.recourse.platform.ManifestCheck;
import org.recourse.platform.CommandLine;
import org.springframework.stereotype.Component;

/** {@code ./recourse verify-package FILE.zip}: checks a package against its manifest. */
@Component
class VerifyPackageCommand implements CliCommand {

    @Override
    public String name() {
        return "verify-package";
    }

    @Override
    public String summary() {
        return "check an evidence package ZIP against its manifest; names altered, missing and extra files";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: recourse verify-package FILE.zip");
            return 2;
        }
        Path file = CommandLine.userPath(args.getFirst());
        ManifestCheck.Report report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new PackageVerifier().verify(in);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        print(report, out);
        return report.intact() ? 0 : 1;
    }

    static void print(ManifestCheck.Report report, PrintStream out) {
        if (!report.manifestReadable()) {
            out.println("NOT VERIFIED: no readable manifest.json in this file");
            report.extra().forEach(path -> out.println("unlisted: " + path));
            return;
        }
        report.altered().forEach(path -> out.println("altered: " + path));
        report.missing().forEach(path -> out.println("missing: " + path));
        report.extra().forEach(path -> out.println("extra: " + path));
        out.println(report.intact()
                ? "OK: all " + report.listed() + " files match the manifest (manifest sha256 " + report.manifestSha256() + ")"
                : "NOT VERIFIED: " + report.altered().size() + " altered, " + report.missing().size() + " missing, "
                        + report.extra().size() + " extra");
    }
}
