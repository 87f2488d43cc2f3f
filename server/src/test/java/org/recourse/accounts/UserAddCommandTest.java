package org.recourse.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.internal.Totp;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./recourse user add} provisions an account that can sign in with what it printed. */
@RecourseTest
class UserAddCommandTest {

    @Autowired
    List<CliCommand> commands;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void printsAOneTimePasswordAndTotpSecretThatWork() {
        String name = "ops" + System.nanoTime() % 1000000;
        Output result = run("--name", name, "--role", "coordinator", "--role", "ANALYST");

        assertThat(result.exit()).isZero();
        String password = find(result.out(), "one-time password: (\\S+)");
        String secret = find(result.out(), "TOTP secret: (\\S+)");

        StaffHttp http = new StaffHttp(port);
        assertThat(http.signInWithPassword(name, password).redirectsTo("/login/totp")).isTrue();
        http.get("/login/totp");
        assertThat(http.postForm("/login/totp", Map.of("code", Totp.currentCode(secret, Instant.now())))
                .redirectsTo("/account/password")).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'staff.created' and actor like 'cli:%' and detail like ?")
                .param("username=" + name + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesBadArgumentsWithAReason() {
        Output noRole = run("--name", "someone" + System.nanoTime() % 1000);
        assertThat(noRole.exit()).isEqualTo(2);
        assertThat(noRole.err()).contains("--role");

        Output badName = run("--name", "No Spaces", "--role", "ANALYST");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("--name");

        Output liaison = run("--name", "liaison" + System.nanoTime() % 1000, "--role", "LIAISON");
        assertThat(liaison.err()).contains("--organisation");
    }

    record Output(int exit, String out, String err) {
    }

    private Output run(String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals("user add")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output contains " + regex + ":\n" + text).isTrue();
        return m.group(1);
    }
}
