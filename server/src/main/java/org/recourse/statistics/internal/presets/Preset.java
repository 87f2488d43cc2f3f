package org.recourse.statistics.internal.presets;

import java.util.List;

import org.recourse.statistics.internal.measures.TableSpec;

/** A named set of tables for one monitor (GREVIO, Impactmonitor, CBS, DSA art. 22(3)). */
public record Preset(String name, String title, List<TableSpec> tables) {
}
