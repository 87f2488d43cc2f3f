package org.recourse.statistics.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.recourse.audit.AuditTrail;
import org.recourse.statistics.internal.disclosure.Auditing;
import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.presets.Preset;
import org.springframework.stereotype.Service;

/**
 * Writes a preset's export for one period: the release is protected first, checked once more
 * (nothing written if any suppressed cell could be worked out), then written to a temporary file
 * beside the target and moved into place, so a refused or failed export leaves no file.
 */
@Service
public class Exporting {

    public enum Format { CSV, XLSX, JSON;

        public static java.util.Optional<Format> fromCode(String code) {
            return java.util.Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(code)).findFirst();
        }
    }

    /** The export was not written because it would reveal suppressed cells. */
    public static class ExportRefused extends RuntimeException {
        public ExportRefused(Set<CellKey> exposed) {
            super(exposed.size() + " suppressed cell(s) could be worked out from the totals");
        }
    }

    private final Releases releases;
    private final MethodText method;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Exporting(Releases releases, MethodText method, AuditTrail audit, Clock clock,
              org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.releases = releases;
        this.method = method;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the files written: the export and, for CSV, its method sidecar */
    public java.util.List<Path> export(Preset preset, Period period, Format format, Path out) throws IOException {
        return write(preset, releases.of(period), format, out);
    }

    /** Writes {@code preset}'s tables from a protected release, or refuses (writing nothing) when a hidden cell could be worked out. */
    public java.util.List<Path> write(Preset preset, ProtectedRelease release, Format format, Path out) throws IOException {
        Period period = release.period();
        Set<CellKey> exposed = Auditing.exposed(release);
        if (!exposed.isEmpty()) {
            throw new ExportRefused(exposed);
        }
        Export export = Export.of(preset, release, clock.instant());
        String methodText = method.of(export);
        java.util.List<Path> written = new java.util.ArrayList<>();
        switch (format) {
            case CSV -> {
                Path sidecar = out.resolveSibling(out.getFileName() + ".method.txt");
                atomically(out, stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    CsvExport.write(export, w);
                    w.flush();
                });
                atomically(sidecar, stream -> stream.write(methodText.getBytes(StandardCharsets.UTF_8)));
                written.add(out);
                written.add(sidecar);
            }
            case JSON -> {
                atomically(out, stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    JsonExport.write(export, methodText, w);
                    w.flush();
                });
                written.add(out);
            }
            case XLSX -> {
                atomically(out, stream -> XlsxExport.write(export, methodText, stream));
                written.add(out);
            }
        }
        transactions.executeWithoutResult(status -> audit.record("statistics.exported", "stat_preset", preset.name(),
                "period=" + period + " format=" + format.name().toLowerCase(Locale.ROOT)));
        return written;
    }

    /** The export as built for {@code preset}, without writing it (what the files hold). */
    public Export build(Preset preset, Period period) {
        return Export.of(preset, releases.of(period), clock.instant());
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".export-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
