package dev.ecswasm.workbench;

import tech.tablesaw.api.Table;

/** Something the workbench can show as a table: a diff, a memory map, an exchange walked step by step. */
public interface Showable {
    /** The thing as a Tablesaw table, as {@link Workbench#show(Object)} prints it. */
    Table table();
}
