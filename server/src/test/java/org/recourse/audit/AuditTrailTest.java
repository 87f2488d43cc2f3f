package org.recourse.audit;

import static org.recourse.support.Eventually.await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail and its seals are append-only, and tampering by a superuser shows. */
@RecourseTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource superuser;

    @Autowired
    List<CliCommand> commands;

    @LocalServerPort
    int port;

    @Test
    void theApplicationRoleCannotChangeOrRemoveEntriesOrSeals() throws InterruptedException {
        long id = append("test.appended", "first");

        assertThatThrownBy(() -> jdbc.sql("update audit_log set detail = 'changed' where id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .rootCause().hasMessageContaining("permission denied");
        // The owner has the rights, and the trigger still refuses.
        JdbcClient asSuperuser = JdbcClient.create(superuser);
        assertThatThrownBy(() -> asSuperuser.sql("update audit_log set detail = 'changed' where id = ?").param(id).update())
                .rootCause().hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThat(jdbc.sql("select detail from audit_log where id = ?").param(id).query(String.class).single())
                .isEqualTo("first");

        await("the sealer seals the entry", () -> sealed(id));
        // A seal is never changed, removed, or given a second time.
        assertThatThrownBy(() -> jdbc.sql("update audit_seal set hash = 'forged' where entry_id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_seal where entry_id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asSuperuser.sql("delete from audit_seal where entry_id = ?").param(id).update())
                .rootCause().hasMessageContaining("audit_seal is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into audit_seal (seq, entry_id, prev_hash, hash)
                        select max(seq) + 1, ?, 'x', 'forged' from audit_seal""").param(id).update())
                .rootCause().hasMessageContaining("audit_seal_entry_id_key");
    }

    @Test
    void verificationNamesAnEntryTakenOffTheSealingQueue() {
        // In the transaction that appends it, so the sealer cannot have taken it first.
        long id = transactions.execute(s -> {
            long appended = append("test.dequeued", "never sealed");
            jdbc.sql("delete from audit_unsealed where entry_id = ?").param(appended).update();
            return appended;
        });

        Verification broken = verify();
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN at entry id " + id).contains("never sealed");

        jdbc.sql("insert into audit_unsealed (entry_id) values (?)").param(id).update();
        assertThat(verify().exit()).isZero();
        assertThat(sealed(id)).isTrue();
    }

    @Test
    void verificationNamesTheEntryASuperuserChanged() {
        long id = append("test.tamper-target", "original");
        append("test.after-target", "later");
        assertThat(verify().exit()).isZero();

        JdbcClient asSuperuser = JdbcClient.create(superuser);
        try {
            tamper(asSuperuser, id, "forged");

            Verification broken = verify();
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.output()).contains("BROKEN at entry id " + id).contains("altered");
        } finally {
            tamper(asSuperuser, id, "original");
        }
        assertThat(verify().exit()).isZero();
    }

    @Test
    void auditorsSeeTheTrailAndCheckTheChainInTheBrowser() {
        append("test.visible", "for the auditor");
        TestStaff.Account auditor = new TestStaff(jdbc).create(StaffRole.AUDITOR);
        StaffHttp http = new StaffHttp(port);
        http.signIn(auditor);

        StaffHttp.Page list = http.get("/staff/audit?action=test.visible");
        assertThat(list.document().select("tbody tr").text()).contains("test.visible").contains("for the auditor");

        StaffHttp.Page verified = http.postForm("/staff/audit/verify", java.util.Map.of());
        assertThat(verified.document().select(".badge.ok").text()).isEqualTo("Intact");
    }

    private boolean sealed(long id) {
        return jdbc.sql("select exists (select 1 from audit_seal where entry_id = ?)").param(id).query(Boolean.class).single();
    }

    private void tamper(JdbcClient asSuperuser, long id, String detail) {
        TransactionTemplate tx = new TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(superuser));
        tx.executeWithoutResult(s -> {
            asSuperuser.sql("set local session_replication_role = replica").update();
            asSuperuser.sql("update audit_log set detail = ? where id = ?").params(detail, id).update();
        });
    }

    private long append(String action, String detail) {
        transactions.executeWithoutResult(s -> AuditActor.runAs("test", () -> audit.record(action, "test", null, detail)));
        return jdbc.sql("select max(id) from audit_log where action = ?").param(action).query(Long.class).single();
    }

    record Verification(int exit, String output) {
    }

    private Verification verify() {
        CliCommand command = commands.stream().filter(c -> c.name().equals("audit-verify")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Verification(exit, out.toString(StandardCharsets.UTF_8));
    }
}
