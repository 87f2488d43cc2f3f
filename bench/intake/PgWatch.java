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
                c.createStatement().execute("alter system set " + setting[0] + " = '" + setting[1].replace("'", "''") + "'");
                c.createStatement().execute("select pg_reload_conf()");
                System.out.println("# set " + a[i]);
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

    private static long lastWriteMillis = -1;

    private static String os() {
        try {
            long dirty = 0, writeback = 0;
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("Dirty:")) dirty = kb(l);
                if (l.startsWith("Writeback:")) writeback = kb(l);
            }
            long writeMillis = 0;
            for (String l : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] f = l.trim().split("\\s+");
                // Whole disks only (those in /sys/block), not their partitions or loop devices.
                if (!f[2].startsWith("loop") && Files.exists(Path.of("/sys/block", f[2]))) {
                    writeMillis += Long.parseLong(f[10]);
                }
            }
            long delta = lastWriteMillis < 0 ? 0 : writeMillis - lastWriteMillis;
            lastWriteMillis = writeMillis;
            return String.format(" dirty=%dMB writeback=%dMB disk-write=%dms", dirty / 1024, writeback / 1024, delta);
        } catch (Exception e) {
            return "";
        }
    }

    private static long kb(String meminfoLine) {
        return Long.parseLong(meminfoLine.replaceAll("[^0-9]", ""));
    }
}
