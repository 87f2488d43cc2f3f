package org.recourse.accounts.internal;

import java.util.Set;

import org.recourse.accounts.StaffRole;

/** What an administrator (or operator) gives to create an account. */
record NewAccount(String username, String displayName, String email, Set<StaffRole> roles, String organisation) {
}
