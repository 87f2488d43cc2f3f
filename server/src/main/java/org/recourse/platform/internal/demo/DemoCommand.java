package org.recourse.platform.internal.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.platform.Outbox;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse demo [--cases N] [--seed S]}: fills an empty data directory with a clearly marked,
 * synthetic year of hotline work. Every module's {@link DemoActor} plays its people through the real
 * use cases, day by day on a simulated clock; events between modules settle after each actor, and the
 * outbox is delivered in simulation: nothing leaves the machine (no e-mail, no web request, no
 * screenshot). Deterministic for a seed. Refuses a database that holds any real case or an earlier demo.
 */
@Component
class DemoCommand implements CliCommand {

    static final int DAYS = 365;
    static final int DEFAULT_CASES = 3000;
    static final int MAX_CASES = 100_000;
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final List<DemoActor> actors;
    private final DemoRuns runs;
    private final Outbox outbox;
    private final Clock clock;

    DemoCommand(List<DemoActor> actors, DemoRuns runs, Outbox outbox, Clock clock) {
        this.actors = actors.stream().sorted(Comparator.comparingInt(DemoActor::order)).toList();
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "fill an empty data directory with a synthetic year of hotline work: demo [--cases N] [--seed S] [--until DATE]";
    }

    @Override
    public void help(PrintStream out) {
        out.println("demo [--cases N] [--seed S] [--until DATE]");
        out.println("  Fills an empty data directory with a clearly marked, synthetic year of hotline work, made through the");
        out.println("  real use cases on a simulated clock: reports on synthetic platforms (.invalid domains), assessments,");
        out.println("  notices that are answered quickly, slowly or never, removals, escalation candidates and enforcement");
        out.println("  requests in every state. Nothing is sent: no e-mail, no web request, no screenshot.");
        out.println("  --cases N  reports over the year, 1-" + MAX_CASES + " (default " + DEFAULT_CASES + ")");
        out.println("  --seed S   the same seed and last day give the same year (default 1)");
        out.println("  --until D  the year's last day, YYYY-MM-DD, not after today (default: today)");
        out.println("  Refuses a database that holds any real case, or demo data already.");
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        List<String> unknown = args.unknown(Set.of("cases", "seed", "until", "help"));
        if (!unknown.isEmpty() || !args.positional().isEmpty()) {
            err.println("error: unknown argument " + (unknown.isEmpty() ? args.positional().getFirst() : unknown.getFirst())
                    + "; see demo --help");
            return 2;
        }
        int cases;
        long seed;
        try {
            cases = Integer.parseInt(args.option("cases").orElse(Integer.toString(DEFAULT_CASES)).strip());
            seed = Long.parseLong(args.option("seed").orElse("1").strip());
        } catch (NumberFormatException e) {
            err.println("error: --cases and --seed take whole numbers");
            return 2;
        }
        LocalDate today = LocalDate.now(Clock.systemUTC());
        LocalDate until;
        try {
            until = args.option("until").map(String::strip).map(LocalDate::parse).orElse(today);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("error: --until takes a date as YYYY-MM-DD");
            return 2;
        }
        if (until.isAfter(today)) {
            err.println("error: --until: not after today (" + today + ")");
            return 2;
        }
        if (cases < 1 || cases > MAX_CASES) {
            err.println("error: --cases: between 1 and " + MAX_CASES);
            return 2;
        }
        if (!(clock instanceof SimulatedClock simulated)) {
            err.println("error: the demo runs on its own simulated clock: start it as ./recourse demo");
            return 1;
        }
        if (runs.present()) {
            err.println("error: this database already holds demo data; start from an empty data directory");
            return 1;
        }
        if (actors.stream().anyMatch(DemoActor::holdsRealData)) {
            err.println("error: this database holds real cases; the demo runs only on an empty data directory");
            return 1;
        }
        try {
            return fill(simulated, cases, seed, until, out, err);
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int fill(SimulatedClock simulated, int cases, long seed, LocalDate until, PrintStream out, PrintStream err) {
        // The year ends on the given day (today by default), so a demo started later is a different year:
        // the same seed and last day give the same year.
        LocalDate first = until.minusDays(DAYS);
        simulated.start(first.atStartOfDay().toInstant(ZoneOffset.UTC));
        UUID run = runs.started(seed, cases, simulated.instant());
        int[] perDay = spread(cases, first, new SplittableRandom(seed));
        SplittableRandom random = new SplittableRandom(seed);
        out.println("demo: " + cases + " synthetic reports over " + DAYS + " days from " + first + " (seed " + seed + ")");
        for (int index = 0; index < DAYS; index++) {
            DemoDay day = new DemoDay(first.plusDays(index), index, DAYS, perDay[index], random.split(), simulated);
            day.moveTo(6 * 60);
            for (DemoActor actor : actors) {
                if (index == 0) {
                    actor.prepare(day);
                }
                actor.act(day);
                settle();
                outbox.deliverDue();
                settle();
            }
            day.moveTo(23 * 60 + 59);
            if ((index + 1) % 30 == 0 || index == DAYS - 1) {
                out.println("demo: day " + (index + 1) + " of " + DAYS + " (" + day.date() + ")");
            }
        }
        runs.finished(run, simulated.instant());
        actors.forEach(actor -> actor.summary().forEach(line -> out.println("demo: " + line)));
        out.println("demo: done. Start the server with ./recourse run; every staff page says the data is synthetic.");
        return 0;
    }

    private void settle() {
        try {
            if (!runs.settle(SETTLE)) {
                throw new IllegalStateException("the modules did not finish handling their events within " + SETTLE.toMinutes()
                        + " minutes; the demo stopped (the data directory holds a partial demo: remove it and start again)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Reports per day: fewer at weekends, a little more after the summer, deterministic for the seed. */
    static int[] spread(int cases, LocalDate first, SplittableRandom random) {
        double[] weight = new double[DAYS];
        double total = 0;
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = first.plusDays(i);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            weight[i] = (weekend ? 0.6 : 1.0) * (date.getMonthValue() >= 9 ? 1.15 : 1.0) * (0.8 + 0.4 * random.nextDouble());
            total += weight[i];
        }
        int[] perDay = new int[DAYS];
        double carry = 0;
        int given = 0;
        for (int i = 0; i < DAYS; i++) {
            double exact = cases * weight[i] / total + carry;
            perDay[i] = (int) Math.floor(exact);
            carry = exact - perDay[i];
            given += perDay[i];
        }
        perDay[DAYS - 1] += cases - given;
        return perDay;
    }
}
