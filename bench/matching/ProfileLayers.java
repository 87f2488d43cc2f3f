import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums async-profiler's collapsed stacks (one "frame;frame;... count" per line) by layer of the
 * look-up path: each sample goes to the innermost layer on its stack, so a layer's share is its own
 * work, not that of the layers it calls. With the CPU per look-up (ms) as a second argument, the
 * shares are also given in ms per look-up. Kernel time (network, scheduling, page faults) is counted
 * in the layer whose system call it serves, and its total is shown apart.
 * Usage: java bench/matching/ProfileLayers.java FILE.collapsed [CPU_MS_PER_LOOKUP]
 */
public final class ProfileLayers {

    /** Outermost first: a deeper match on the stack wins. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("org/apache/tomcat/util/net/NioEndpoint$Poller.run", "Tomcat poller (waits on sockets, hands them over)"),
            Map.entry("org/apache/tomcat/util/net/SocketProcessorBase.run", "Tomcat (parse the request, write the answer)"),
            Map.entry("org/apache/catalina/core/ApplicationFilterChain.doFilter", "servlet filters outside Spring Security"),
            Map.entry("org/springframework/security/web/FilterChainProxy.doFilter", "Spring Security chain (firewall, headers, key, rules)"),
            Map.entry("org/springframework/web/servlet/DispatcherServlet.doService", "Spring MVC (mapping, interceptors, arguments, JSON)"),
            Map.entry("org/recourse/matching/internal/api/MatchApiController", "controller and use case (checks, counts, answer)"),
            Map.entry("org/recourse/pdq/", "PDQ index search"),
            Map.entry("data/ConstantRate", "load generator (same JVM)"));

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Double msPerLookup = args.length > 1 ? Double.valueOf(args[1]) : null;
        Map<String, Long> byLayer = new LinkedHashMap<>();
        for (Map.Entry<String, String> layer : LAYERS) {
            byLayer.put(layer.getValue(), 0L);
        }
        long total = 0;
        long kernel = 0;
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            total += count;
            if (frames[frames.length - 1].endsWith("_[k]")) {
                kernel += count;
            }
            byLayer.merge(layer(frames), count, Long::sum);
        }
        System.out.printf("%d samples; where they were, innermost layer first on the stack:%n", total);
        for (Map.Entry<String, Long> entry : byLayer.entrySet()) {
            double share = 100.0 * entry.getValue() / total;
            System.out.printf("  %5.1f %%%s  %s%n", share,
                    msPerLookup == null ? "" : String.format("  %.3f ms", msPerLookup * share / 100), entry.getKey());
        }
        System.out.printf("  of all samples, in the kernel: %.1f %%%n", 100.0 * kernel / total);
    }

    private static String layer(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (int l = LAYERS.size() - 1; l >= 0; l--) {
                if (frames[i].startsWith(LAYERS.get(l).getKey())) {
                    return LAYERS.get(l).getValue();
                }
            }
        }
        for (String frame : frames) {
            if (frame.contains("G1")) {
                return "garbage collector";
            }
            if (frame.startsWith("CompileBroker::")) {
                return "JIT compiler";
            }
        }
        return "other (JVM, scheduled jobs, kernel work of no Java thread)";
    }
}
