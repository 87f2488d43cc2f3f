package org.recourse.accounts.internal;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start created exactly one administrator; a restart creates no second one. */
@RecourseTest
class FirstAdministratorTest {

    @Autowired
    FirstAdministrator firstAdministrator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRestartCreatesNoSecondAdministrator() {
        assertThat(admins()).isEqualTo(1);
        String hash = jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class).single();

        firstAdministrator.run(new DefaultApplicationArguments());

        assertThat(admins()).isEqualTo(1);
        assertThat(jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class).single())
                .isEqualTo(hash);
        assertThat(jdbc.sql("select must_change_password from staff_user where username = 'admin'").query(Boolean.class).single())
                .as("a generated password must be replaced").isTrue();
    }

    private int admins() {
        return jdbc.sql("select count(*) from staff_user where username = 'admin'").query(Integer.class).single();
    }
}
