package io.annals.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The one table the benchmarks print: each row a case, its figure, its baseline and the goal. */
final class Report {

    private final List<String[]> rows = new ArrayList<>();

    void row(String id, String description, String figure, String baseline, String ratio, String goal, String verdict) {
        rows.add(new String[] {id, description, figure, baseline, ratio, goal, verdict});
    }

    void print() {
        String[] header = {"case", "what", "annals", "baseline (same run)", "ratio", "goal", ""};
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        System.out.println();
        printRow(header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        System.out.println(rule);
        rows.forEach(row -> printRow(row, widths));
        System.out.println();
    }

    private static void printRow(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
        }
        System.out.println(line);
    }

    static String ops(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    static String nanos(double nanos) {
        return String.format("%,.0f ns", nanos);
    }

    static String millis(double millis) {
        return String.format("%,.2f ms", millis);
    }

    static String ratio(double value) {
        return String.format("%.2f×", value);
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
