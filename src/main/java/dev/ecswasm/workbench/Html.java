package dev.ecswasm.workbench;

import tech.tablesaw.api.Table;

/** A Tablesaw table as an HTML {@code <table>}, for notebooks: the same cells the text table prints. */
final class Html {
    private Html() {}

    /** The table's name as a caption, a header row, then one row per row; every cell escaped as for XML. */
    static String of(Table table) {
        StringBuilder out = new StringBuilder("<table class=\"ecs-wasm\">\n");
        out.append("<caption>").append(SvgWriter.escape(table.name())).append("</caption>\n<thead><tr>");
        for (String column : table.columnNames()) {
            out.append("<th>").append(SvgWriter.escape(column)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            out.append("<tr>");
            for (int column = 0; column < table.columnCount(); column++) {
                out.append("<td>").append(SvgWriter.escape(table.getString(row, column))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }
}
