import java.nio.file.*;
import java.sql.*;

/**
 * Runs SQL statements as the embedded PostgreSQL's superuser and prints their rows, columns
 * separated by " | ". Arguments: RECOURSE_DATA_DIR, PostgreSQL port, then the statements.
 */
public class PgQuery {
    public static void main(String[] a) throws Exception {
        String pw = Files.readString(Path.of(a[0], "secrets", "postgres-superuser")).trim();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + a[1] + "/recourse", "postgres", pw)) {
            for (int i = 2; i < a.length; i++) {
                try (Statement s = c.createStatement()) {
                    if (!s.execute(a[i])) {
                        continue;
                    }
                    try (ResultSet rs = s.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder b = new StringBuilder();
                            for (int k = 1; k <= n; k++) b.append(k > 1 ? " | " : "").append(rs.getString(k));
                            System.out.println(b);
                        }
                    }
                }
            }
        }
    }
}
