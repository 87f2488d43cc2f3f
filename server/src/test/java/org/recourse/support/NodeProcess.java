package org.recourse.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server node in a JVM of its own, started from this test's class path as an operator would
 * start a second node: its own process, its own heap, killable with {@code kill -9}. Waits until
 * its web server answers and knows its port; keeps the last lines it printed for failure messages.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final int port;
    private final List<String> lastLines;

    private NodeProcess(Process process, int port, List<String> lastLines) {
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and the properties as command-line
     * arguments (they outrank every configuration file); {@code server.port=0} and the log line
     * that names the port are added.
     */
    public static NodeProcess start(String mainClass, List<String> jvmOptions, Map<String, Object> properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.add("--server.port=0");
        command.add("--logging.level.org.springframework.boot.tomcat=INFO");
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = java.util.Collections.synchronizedList(new java.util.LinkedList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                    if (lines.size() > 200) {
                        lines.removeFirst();
                    }
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the node exited before serving:\n" + String.join("\n", lines)));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        try {
            return new NodeProcess(process, port.get(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS), lines);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the node printed last, for a failure message. */
    public String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** {@code kill -9}: no shutdown hook, no last transaction, no goodbye to the mail server. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A normal stop (SIGTERM), as systemd does; forcibly after 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
