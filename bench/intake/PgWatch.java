import java.nio.file.*;
import java.sql.*;

/**
 * Prints, once a second, what PostgreSQL does in the background: the tables autovacuum workers
 * are busy with and the checkpointer's counters. Lined up with the load generator's "slowest
 * seconds" it tells which background work a latency tail comes from.
 * Arguments: RECOURSE_DATA_DIR, PostgreSQL port, seconds.
 */
public class PgWatch {
    public static void main(String[] a) throws Exception {
        String pw = Files.readString(Path.of(a[0], "secrets", "postgres-superuser")).trim();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + a[1] + "/recourse", "postgres", pw)) {
            long start = System.currentTimeMillis();
            for (int i = 0; i < Integer.parseInt(a[2]); i++) {
                StringBuilder line = new StringBuilder(String.format("%5.1f ", (System.currentTimeMillis() - start) / 1000.0));
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select string_agg(regexp_replace(query, '^autovacuum: ', ''), ' | ') from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    rs.next(); line.append("av=[").append(rs.getString(1)).append("] ");
                }
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select num_timed, num_requested, buffers_written, write_time::bigint, sync_time::bigint from pg_stat_checkpointer")) {
                    rs.next(); line.append(String.format("ckpt t=%d r=%d buf=%d w=%dms s=%dms", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
                System.out.println(line);
                Thread.sleep(1000 - (System.currentTimeMillis() - start) % 1000);
            }
        }
    }
}
