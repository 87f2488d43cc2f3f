import java.nio.file.*;
import java.sql.*;
import java.util.*;

/**
 * Prints, once a second, what PostgreSQL does in the background: the tables autovacuum workers
 * are busy with and the checkpointer's counters. Lined up with the load generator's "slowest
 * seconds" it tells which background work a latency tail comes from.
 * On Linux it adds the page cache's dirty and under-writeback megabytes and the milliseconds the
 * disks spent writing in that second: kernel writeback competes with every commit's WAL flush.
 * Each line starts with the time (Unix seconds). Arguments: RECOURSE_DATA_DIR, PostgreSQL port, seconds,
 * then optionally PostgreSQL settings to try (name=value), applied with ALTER SYSTEM first.
 */
public class PgWatch {
    public static void main(String[] a) throws Exception {
        String pw = Files.readString(Path.of(a[0], "secrets", "postgres-superuser")).trim();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + a[1] + "/recourse", "postgres", pw)) {
            // Optional settings to try (name=value ...), applied before anything is measured.
            for (int i = 3; i < a.length; i++) {
                String[] setting = a[i].split("=", 2);
                // A list (shared_preload_libraries=a,b) is written as one quoted value per element.
                String value = String.join(", ", Arrays.stream(setting[1].split(","))
                        .map(v -> "'" + v.trim().replace("'", "''") + "'").toList());
                c.createStatement().execute("alter system set " + setting[0] + " = " + value);
                c.createStatement().execute("select pg_reload_conf()");
                System.out.println("# set " + a[i]);
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select string_agg(name || '=' || current_setting(name), ' ' order by name) from pg_settings
                    where name like '%flush_after' or name in ('shared_buffers', 'max_wal_size', 'min_wal_size',
                        'wal_init_zero', 'checkpoint_completion_target', 'checkpoint_timeout', 'max_parallel_workers_per_gather')""")) {
                rs.next();
                System.out.println("# " + rs.getString(1));
            }
            long start = System.currentTimeMillis();
            for (int i = 0; i < Integer.parseInt(a[2]); i++) {
                StringBuilder line = new StringBuilder(String.format("%.1f ", System.currentTimeMillis() / 1000.0));
                List<String> working = new ArrayList<>();
                long autovacuumTicks = 0;
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select pid, regexp_replace(query, '^autovacuum: ', '') from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    while (rs.next()) {
                        working.add(rs.getString(2));
                        autovacuumTicks += cpuTicksSinceLastLook(rs.getInt(1));
                    }
                }
                // What the busy backends wait for: a lock, the WAL flush, I/O...
                try (ResultSet rs = c.createStatement().executeQuery("""
                        select string_agg(w || '=' || n, ',' order by n desc) from (
                          select coalesce(wait_event_type || ':' || wait_event, 'cpu') w, count(*) n
                          from pg_stat_activity
                          where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
                          group by 1) x""")) {
                    rs.next();
                    line.append("waits={").append(rs.getString(1) == null ? "" : rs.getString(1)).append("} ");
                }
                // Statements running longer than 100 ms right now (and parallel workers): a plan gone
                // slow shows here with its text, without auto_explain.
                try (ResultSet rs = c.createStatement().executeQuery("""
                        select coalesce(string_agg(distinct left(regexp_replace(query, '\\s+', ' ', 'g'), 90), ' | '), ''),
                               coalesce((extract(epoch from max(now() - query_start)) * 1000)::bigint, 0),
                               (select count(*) from pg_stat_activity where backend_type = 'parallel worker'),
                               (select string_agg(distinct left(regexp_replace(query, '\\s+', ' ', 'g'), 90), ' | ')
                                from pg_stat_activity where backend_type = 'parallel worker')
                        from pg_stat_activity
                        where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
                          and now() - query_start > interval '100 ms'""")) {
                    rs.next();
                    if (rs.getLong(2) > 0 || rs.getLong(3) > 0) {
                        line.append(String.format("slow=%dms[%s] pw=%d%s ", rs.getLong(2), rs.getString(1), rs.getLong(3),
                                rs.getString(4) == null ? "" : "[" + rs.getString(4) + "]"));
                    }
                }
                // WAL written and flushed in this second; data pages written out of shared buffers, by whom.
                try (ResultSet rs = c.createStatement().executeQuery("""
                        select (select wal_bytes from pg_stat_wal)::bigint, (select wal_sync from pg_stat_wal),
                               coalesce(sum(writes) filter (where backend_type = 'client backend'), 0)::bigint,
                               coalesce(sum(writes) filter (where backend_type = 'background writer'), 0)::bigint,
                               coalesce(sum(writes) filter (where backend_type = 'checkpointer'), 0)::bigint,
                               coalesce(sum(writes) filter (where backend_type = 'autovacuum worker'), 0)::bigint
                        from pg_stat_io where object = 'relation'""")) {
                    rs.next();
                    long[] now = {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
                    if (lastPg != null) {
                        line.append(String.format("wal=%.1fMB syncs=%d pages-written be/bgw/ckpt/av=%d/%d/%d/%d ",
                                (now[0] - lastPg[0]) / 1048576.0, now[1] - lastPg[1], now[2] - lastPg[2],
                                now[3] - lastPg[3], now[4] - lastPg[4], now[5] - lastPg[5]));
                    }
                    lastPg = now;
                }
                line.append("av=").append(working).append(String.format(" av-cpu=%dms ", autovacuumTicks * 10));
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select num_timed, num_requested, buffers_written, write_time::bigint, sync_time::bigint from pg_stat_checkpointer")) {
                    rs.next(); line.append(String.format("ckpt t=%d r=%d buf=%d w=%dms s=%dms", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
                line.append(os());
                System.out.println(line);
                Thread.sleep(1000 - (System.currentTimeMillis() - start) % 1000);
            }
        }
    }

    private static final Map<Integer, Long> lastTicks = new HashMap<>();
    private static long[] lastPg;

    /** CPU time (user + system, in 10 ms clock ticks) a process used since this was last asked. */
    private static long cpuTicksSinceLastLook(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            Long last = lastTicks.put(pid, ticks);
            return last == null ? ticks : ticks - last;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long[] lastDisk;

    private static String os() {
        try {
            long dirty = 0, writeback = 0;
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("Dirty:")) dirty = kb(l);
                if (l.startsWith("Writeback:")) writeback = kb(l);
            }
            // Per /proc/diskstats: writes completed, sectors written, ms spent writing (summed over
            // requests, so it exceeds 1 000 per second when requests queue), requests in flight.
            long writes = 0, sectors = 0, writeMillis = 0, inFlight = 0;
            for (String l : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] f = l.trim().split("\\s+");
                // Whole disks only (those in /sys/block), not their partitions or loop devices.
                if (!f[2].startsWith("loop") && !f[2].startsWith("zram") && Files.exists(Path.of("/sys/block", f[2]))) {
                    writes += Long.parseLong(f[7]);
                    sectors += Long.parseLong(f[9]);
                    writeMillis += Long.parseLong(f[10]);
                    inFlight += Long.parseLong(f[11]);
                }
            }
            long[] now = {writes, sectors, writeMillis};
            long[] d = lastDisk == null ? new long[3] : new long[] {now[0] - lastDisk[0], now[1] - lastDisk[1], now[2] - lastDisk[2]};
            lastDisk = now;
            // w_await as iostat -x prints it: the mean time a write request took, queue included.
            return String.format(" dirty=%dMB writeback=%dMB disk-write=%dms disk: %d writes %.1fMB w_await=%.1fms inflight=%d",
                    dirty / 1024, writeback / 1024, d[2], d[0], d[1] / 2048.0, d[0] == 0 ? 0.0 : (double) d[2] / d[0], inFlight);
        } catch (Exception e) {
            return "";
        }
    }

    private static long kb(String meminfoLine) {
        return Long.parseLong(meminfoLine.replaceAll("[^0-9]", ""));
    }
}
