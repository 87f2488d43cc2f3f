package org.recourse.audit;

/**
 * Who acted ({@code actor}: a username, {@code api:<organisation>}, {@code system:<job>}) and
 * where from ({@code origin}: a client address, {@code public}, {@code local} or {@code system}).
 */
public record AuditSource(String actor, String origin) {
}
