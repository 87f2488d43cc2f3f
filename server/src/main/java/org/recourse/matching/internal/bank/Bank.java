package org.recourse.matching.internal.bank;

import java.util.UUID;

/** A hash bank: its name, its PDQ threshold and whether platforms are matched against it. */
public record Bank(UUID id, String name, String description, int pdqThreshold, boolean matchingEnabled) {
}
