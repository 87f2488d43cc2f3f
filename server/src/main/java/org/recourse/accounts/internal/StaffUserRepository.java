package org.recourse.accounts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.accounts.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffUserRepository {

    private final JdbcClient jdbc;

    StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> findByUsername(String username) {
        return jdbc.sql("select * from staff_user where username = ?").param(username).query(this::map).optional();
    }

    Optional<StaffUser> findById(UUID id) {
        return jdbc.sql("select * from staff_user where id = ?").param(id).query(this::map).optional();
    }

    List<StaffUser> findAll() {
        return jdbc.sql("select * from staff_user order by username").query(this::map).list();
    }

    List<StaffUser> findActiveWithRole(StaffRole role) {
        return jdbc.sql("select * from staff_user where active and ? = any(roles) order by username")
                .param(role.name()).query(this::map).list();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists(select 1 from staff_user where 'ADMIN' = any(roles))")
                .query(Boolean.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select exists(select 1 from staff_user where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    void insert(StaffUser u, Instant now) {
        jdbc.sql("""
                        insert into staff_user (id, username, display_name, email, password_hash, roles, organisation,
                            totp_secret, totp_enrolled, must_change_password, active, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.id(), u.username(), u.displayName(), u.email(), u.passwordHash(), rolesLiteral(u.roles()),
                        u.organisation(), u.totpSecret(), u.totpEnrolled(), u.mustChangePassword(), u.active(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void updateProfile(UUID id, String displayName, String email, Set<StaffRole> roles, String organisation,
                       Instant now) {
        jdbc.sql("""
                        update staff_user set display_name = ?, email = ?, roles = ?::text[], organisation = ?,
                            updated_at = ? where id = ?""")
                .params(displayName, email, rolesLiteral(roles), organisation, Timestamp.from(now), id)
                .update();
    }

    void setPassword(UUID id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("update staff_user set password_hash = ?, must_change_password = ?, updated_at = ? where id = ?")
                .params(hash, mustChange, Timestamp.from(now), id).update();
    }

    void enrolTotp(UUID id, String secret, long step, Instant now) {
        jdbc.sql("""
                        update staff_user set totp_secret = ?, totp_enrolled = true, last_totp_step = ?,
                            updated_at = ? where id = ?""")
                .params(secret, step, Timestamp.from(now), id).update();
    }

    void resetTotp(UUID id, Instant now) {
        jdbc.sql("""
                        update staff_user set totp_secret = null, totp_enrolled = false, last_totp_step = 0,
                            updated_at = ? where id = ?""")
                .params(Timestamp.from(now), id).update();
    }

    /** Accepts a time step only if it is newer than the last one used: a code works once. */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("update staff_user set last_totp_step = ? where id = ? and last_totp_step < ?")
                .params(step, id, step).update() == 1;
    }

    /** Counts a failed attempt; at the limit the account locks and the count starts over. */
    boolean recordFailure(String username, int maxFailures, Duration lockout, Instant now) {
        return jdbc.sql("""
                        update staff_user set
                            locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end,
                            failed_attempts = case when failed_attempts + 1 >= ? then 0 else failed_attempts + 1 end
                        where username = ?
                        returning locked_until is not null and locked_until > ?""")
                .params(maxFailures, Timestamp.from(now.plus(lockout)), maxFailures, username, Timestamp.from(now))
                .query(Boolean.class).optional().orElse(false);
    }

    void clearFailures(UUID id) {
        jdbc.sql("update staff_user set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
    }

    void setActive(UUID id, boolean active, Instant now) {
        jdbc.sql("update staff_user set active = ?, updated_at = ? where id = ?")
                .params(active, Timestamp.from(now), id).update();
    }

    private StaffUser map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), roles(rs.getArray("roles")),
                rs.getString("organisation"), rs.getString("totp_secret"), rs.getBoolean("totp_enrolled"),
                rs.getLong("last_totp_step"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), rs.getBoolean("must_change_password"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static Set<StaffRole> roles(Array array) throws SQLException {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String name : (String[]) array.getArray()) {
            roles.add(StaffRole.valueOf(name));
        }
        return roles;
    }

    private static String rolesLiteral(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
