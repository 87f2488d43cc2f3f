package org.recourse.pdq.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.HashResult;
import org.recourse.pdq.PdqHasher;
import org.recourse.pdq.PdqSettings;
import org.recourse.pdq.UnreadableImageException;
import org.recourse.pdq.index.Match;
import org.recourse.pdq.index.PdqIndex;

/**
 * Command line: {@code hash FILE...} and {@code match --index FILE --queries FILE [-d 31]}.
 * {@link #run} takes the streams and returns the exit code so tests can call it in-process.
 */
public final class PdqCli {

    static final int OK = 0;
    static final int SOME_FILES_FAILED = 1;
    static final int USAGE_ERROR = 2;
    /** Index lines added to the index at a time, and queries searched at a time: memory stays flat. */
    static final int INDEX_BATCH = 1 << 20;
    static final int QUERY_BATCH = 1 << 14;
    /** Queries searched together by the index's batch search. */
    private static final int SEARCH_GROUP = 1_024;

    static final String USAGE = """
            Usage:
              PdqCli hash [--engine library] [--max-pixels N] [--time-limit SECONDS] FILE...
                  Prints 'hex,quality,path' per image (PDQ hash, quality 0-100), or
                  'error,<reason>,path' when a file cannot be hashed; exit code 1 if any failed.
              PdqCli match --index FILE --queries FILE [-d DISTANCE]
                  Prints 'query_id,match_id,distance' for every indexed hash within DISTANCE
                  (0-63, default 31) of each query. Both files hold one hash per line as
                  'id,hex' or as the 'hex,quality,path' output of hash (the path is the id).
              PdqCli --help
            """;

    private PdqCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return USAGE_ERROR;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield OK;
                }
                case "hash" -> hash(rest, out, err);
                case "match" -> match(rest, out);
                default -> throw new UsageException("unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        } catch (HashListFile.Problem e) {
            err.println("error: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    private static int hash(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        PdqSettings settings = PdqSettings.defaults();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--max-pixels" -> settings = settings.withMaxPixels(positiveNumber(args, ++i));
                case "--time-limit" -> settings = settings.withTimeLimit(Duration.ofSeconds(positiveNumber(args, ++i)));
                case "--engine" -> {
                    String engine = value(args, ++i);
                    if (engine.equals("browser")) {
                        throw new UsageException("--engine browser runs through ./recourse hash (it needs the server jar and Chromium)");
                    }
                    if (!engine.equals("library")) {
                        throw new UsageException("unknown engine: " + engine + " (use library or browser)");
                    }
                }
                default -> files.add(args.get(i));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("hash needs at least one FILE");
        }
        PdqHasher hasher = new PdqHasher(settings);
        int failed = 0;
        for (String file : files) {
            try {
                HashResult result = hasher.hash(Path.of(file));
                out.println(result.pdq().hex() + "," + result.quality() + "," + file);
            } catch (UnreadableImageException e) {
                failed++;
                out.println("error," + e.reason().name().toLowerCase(Locale.ROOT) + "," + file);
                err.println(e.getMessage().startsWith("cannot read ") ? e.getMessage() : "cannot hash " + file + ": " + e.getMessage());
            }
        }
        return failed == 0 ? OK : SOME_FILES_FAILED;
    }

    private static int match(List<String> args, PrintStream out) throws UsageException, HashListFile.Problem {
        Path indexFile = null;
        Path queriesFile = null;
        int distance = PdqIndex.DEFAULT_MAX_DISTANCE;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--index" -> indexFile = Path.of(value(args, ++i));
                case "--queries" -> queriesFile = Path.of(value(args, ++i));
                case "-d", "--distance" -> distance = (int) Math.min(Integer.MAX_VALUE, number(args, ++i));
                default -> throw new UsageException("unexpected argument: " + args.get(i));
            }
        }
        if (indexFile == null || queriesFile == null) {
            throw new UsageException("match needs --index FILE and --queries FILE");
        }
        if (distance < 0 || distance > PdqIndex.MAX_SUPPORTED_DISTANCE) {
            throw new UsageException("-d must be 0.." + PdqIndex.MAX_SUPPORTED_DISTANCE);
        }
        IdTable ids = new IdTable();
        PdqIndex index = new PdqIndex();
        Batch batch = new Batch(INDEX_BATCH);
        HashListFile.read(indexFile, (id, hash) -> {
            batch.add(ids.add(id), hash);
            if (batch.full()) {
                index.addAll(batch.ids(), batch.hashes());
                batch.clear();
            }
        });
        if (batch.size > 0) {
            index.addAll(batch.ids(), batch.hashes());
        }
        int maxDistance = distance;
        List<String> queryIds = new ArrayList<>(QUERY_BATCH);
        List<Hash256> queries = new ArrayList<>(QUERY_BATCH);
        HashListFile.read(queriesFile, (id, hash) -> {
            queryIds.add(id);
            queries.add(hash);
            if (queries.size() == QUERY_BATCH) {
                searchAndPrint(index, ids, queryIds, queries, maxDistance, out);
            }
        });
        searchAndPrint(index, ids, queryIds, queries, maxDistance, out);
        return OK;
    }

    /**
     * Searches a batch of queries, in groups of {@link #SEARCH_GROUP} through the index's batch search
     * (several times cheaper per query than one at a time) and the groups in parallel; prints the
     * matches in query order and empties the batch.
     */
    private static void searchAndPrint(PdqIndex index, IdTable ids, List<String> queryIds, List<Hash256> queries,
                                       int maxDistance, PrintStream out) {
        List<List<Match>> results = java.util.stream.IntStream.range(0, (queries.size() + SEARCH_GROUP - 1) / SEARCH_GROUP)
                .parallel()
                .mapToObj(g -> index.searchAll(queries.subList(g * SEARCH_GROUP, Math.min(queries.size(), (g + 1) * SEARCH_GROUP))
                        .toArray(Hash256[]::new), maxDistance))
                .flatMap(List::stream)
                .toList();
        for (int q = 0; q < results.size(); q++) {
            for (Match match : results.get(q)) {
                out.println(queryIds.get(q) + "," + ids.get((int) match.id()) + "," + match.distance());
            }
        }
        queryIds.clear();
        queries.clear();
    }

    /** Index hashes waiting to be added in bulk (the index builds its tables once per batch). */
    private static final class Batch {
        private final long[] ids;
        private final Hash256[] hashes;
        private int size;

        Batch(int capacity) {
            ids = new long[capacity];
            hashes = new Hash256[capacity];
        }

        void add(long id, Hash256 hash) {
            ids[size] = id;
            hashes[size++] = hash;
        }

        boolean full() {
            return size == ids.length;
        }

        long[] ids() {
            return size == ids.length ? ids : java.util.Arrays.copyOf(ids, size);
        }

        Hash256[] hashes() {
            return size == hashes.length ? hashes : java.util.Arrays.copyOf(hashes, size);
        }

        void clear() {
            java.util.Arrays.fill(hashes, null);
            size = 0;
        }
    }

    private static String value(List<String> args, int i) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }

    private static long number(List<String> args, int i) throws UsageException {
        String text = value(args, i);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(args.get(i - 1) + " needs a number, got " + text);
        }
    }

    private static long positiveNumber(List<String> args, int i) throws UsageException {
        long n = number(args, i);
        if (n < 1) {
            throw new UsageException(args.get(i - 1) + " must be positive");
        }
        return n;
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
