package org.recourse.matching.internal.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.recourse.platform.CommandLine;
import org.recourse.platform.HeadlessChromium;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hashes files with the hashing page's own scripts ({@code static/js/pdq.js}, {@code hashing.js}) in
 * headless Chromium. A one-off HTTP server on the loopback address, under a random path, hands the
 * browser the scripts and the files and receives the hashes; nothing else can reach it. Prints what
 * {@code ./recourse hash} prints: {@code hex,quality,path} or {@code error,<reason>,path} per file.
 */
public final class HashingInChromium {

    static final int OK = 0;
    static final int SOME_FILES_FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            usage: ./recourse hash --engine browser [--timings] FILE...
              Hashes each image with the script of the victims' hashing page in headless Chromium
              (RECOURSE_CHROMIUM, default /usr/bin/chromium) and prints 'hex,quality,path', or
              'error,<reason>,path' when a file cannot be hashed; exit code 1 if any failed.
              --timings  also prints each file's hashing time in the browser on standard error.
              --engine library (the default) hashes with the pdq/ library instead.
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Result(String line, String problem, Double millis, String reader) {
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        String engine = null;
        boolean timings = false;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--engine" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, "--engine needs a value: library or browser");
                    }
                    engine = args.get(++i);
                }
                case "--timings" -> timings = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return OK;
                }
                default -> names.add(args.get(i));
            }
        }
        if (engine == null || engine.equals("library")) {
            return usage(err, "the library engine runs through ./recourse hash (without --engine browser)");
        }
        if (!engine.equals("browser")) {
            return usage(err, "unknown engine: " + engine + " (use library or browser)");
        }
        if (names.isEmpty()) {
            return usage(err, "hash needs at least one FILE");
        }
        Path chromium = Path.of(System.getenv().getOrDefault("RECOURSE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            err.println("error: Chromium not found at " + chromium + "; install it (apt-get install chromium) or set RECOURSE_CHROMIUM");
            return USAGE_ERROR;
        }
        Map<Integer, Path> readable = new LinkedHashMap<>();
        Map<Integer, Result> results = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Path file = CommandLine.userPath(names.get(i));
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                readable.put(i, file);
            } else {
                results.put(i, new Result("error,io_error," + names.get(i), "cannot read " + names.get(i) + ": "
                        + (Files.exists(file) ? "not a readable file" : "no such file"), null, null));
            }
        }
        if (!readable.isEmpty()) {
            try {
                results.putAll(hashInBrowser(chromium, readable, names, Duration.ofSeconds(60 + 10L * readable.size())));
            } catch (IOException e) {
                err.println("error: could not run Chromium: " + e.getMessage());
                return USAGE_ERROR;
            }
        }
        int failed = 0;
        for (int i = 0; i < names.size(); i++) {
            Result result = results.get(i);
            out.println(result.line());
            if (result.problem() != null) {
                failed++;
                err.println(result.problem());
            } else if (timings) {
                err.printf(Locale.ROOT, "# %s: %.0f ms in the browser (%s)%n", names.get(i), result.millis(), result.reader());
            }
        }
        return failed == 0 ? OK : SOME_FILES_FAILED;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return USAGE_ERROR;
    }

    private Map<Integer, Result> hashInBrowser(Path chromium, Map<Integer, Path> files, List<String> names, Duration timeout)
            throws IOException {
        String token = HexFormat.of().formatHex(randomBytes());
        List<Integer> order = new ArrayList<>(files.keySet());
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/" + token + "/", exchange -> serve(exchange, token, order, files, answer));
        server.start();
        Path profile = HeadlessChromium.privateProfile();
        Process browser = null;
        try {
            List<String> command = new ArrayList<>(List.of(chromium.toString()));
            command.addAll(HeadlessChromium.flags(profile));
            command.add("http://127.0.0.1:" + server.getAddress().getPort() + "/" + token + "/run");
            browser = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            JsonNode hashed = answer.get(timeout.toSeconds(), TimeUnit.SECONDS);
            Map<Integer, Result> results = new LinkedHashMap<>();
            for (JsonNode h : hashed) {
                int position = order.get(h.path("i").asInt());
                results.put(position, result(h, names.get(position)));
            }
            for (Integer position : order) {
                results.putIfAbsent(position, new Result("error,corrupt," + names.get(position),
                        "cannot hash " + names.get(position) + ": the browser gave no result", null, null));
            }
            return results;
        } catch (TimeoutException e) {
            Map<Integer, Result> results = new LinkedHashMap<>();
            for (Integer position : order) {
                results.put(position, new Result("error,timed_out," + names.get(position),
                        "cannot hash " + names.get(position) + ": Chromium did not finish within " + timeout.toSeconds() + " s", null, null));
            }
            return results;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            HeadlessChromium.stop(browser);
            server.stop(0);
            HeadlessChromium.deleteProfile(profile);
        }
    }

    private static Result result(JsonNode h, String name) {
        String error = h.path("error").asString("");
        return switch (error) {
            case "" -> new Result(h.path("pdq").asString() + "," + h.path("quality").asInt() + "," + name, null,
                    h.path("ms").asDouble(), h.path("reader").asString());
            case "tiff" -> new Result("error,unsupported_format," + name,
                    "cannot hash " + name + ": browsers do not decode TIFF (./recourse hash without --engine browser does)", null, null);
            case "format" -> new Result("error,unsupported_format," + name,
                    "cannot hash " + name + ": not a JPEG, PNG, GIF, BMP or WebP image", null, null);
            case "io" -> new Result("error,io_error," + name, "cannot read " + name + ": it changed while it was hashed", null, null);
            default -> new Result("error,corrupt," + name, "cannot hash " + name + ": the browser could not decode it", null, null);
        };
    }

    private static void serve(HttpExchange exchange, String token, List<Integer> order, Map<Integer, Path> files,
                              CompletableFuture<JsonNode> answer) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(token.length() + 2);
            if (path.equals("run") && exchange.getRequestMethod().equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", runner(order.size()).getBytes(StandardCharsets.UTF_8));
            } else if ((path.equals("js/pdq.js") || path.equals("js/hashing.js")) && exchange.getRequestMethod().equals("GET")) {
                try (InputStream script = HashingInChromium.class.getResourceAsStream("/static/" + path)) {
                    if (script == null) {
                        send(exchange, 404, "text/plain", new byte[0]);
                    } else {
                        send(exchange, 200, "text/javascript; charset=utf-8", script.readAllBytes());
                    }
                }
            } else if (path.matches("file/\\d{1,6}") && exchange.getRequestMethod().equals("GET")) {
                int index = Integer.parseInt(path.substring(5));
                if (index >= order.size()) {
                    send(exchange, 404, "text/plain", new byte[0]);
                } else {
                    send(exchange, 200, "application/octet-stream", Files.readAllBytes(files.get(order.get(index))));
                }
            } else if (path.equals("result") && exchange.getRequestMethod().equals("POST")) {
                byte[] body = exchange.getRequestBody().readNBytes(10_000_000);
                answer.complete(JSON.readTree(body));
                send(exchange, 204, "text/plain", null);
            } else {
                send(exchange, 404, "text/plain", new byte[0]);
            }
        } catch (IOException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page the browser opens: the hashing page's scripts, then each file in turn, the hashes posted back. */
    private static String runner(int count) {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>hash</title></head><body>
                <script src="js/pdq.js"></script><script src="js/hashing.js"></script>
                <script>
                (async function () {
                  var results = [];
                  for (var i = 0; i < %d; i++) {
                    try {
                      var response = await fetch('file/' + i);
                      if (!response.ok) { results.push({i: i, error: 'io'}); continue; }
                      var blob = await response.blob();
                      var start = performance.now();
                      var hash = await RecourseHashing.hashFile(blob);
                      hash.ms = performance.now() - start;
                      hash.i = i;
                      results.push(hash);
                    } catch (e) {
                      results.push({i: i, error: 'decode'});
                    }
                  }
                  await fetch('result', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(results)});
                })();
                </script></body></html>
                """.formatted(count);
    }
}
