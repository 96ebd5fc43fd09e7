package dev.ecswasm.workbench;

import java.util.Locale;

/**
 * Writes SVG by hand: rectangles, lines and text, each with a class the pictures' tests count by.
 * Text is escaped for XML, so any entity name draws as itself.
 */
final class SvgWriter {
    static final String NAMESPACE = "http://www.w3.org/2000/svg";
    /** Roughly how wide one character of the 12 px monospace font is. */
    static final double CHAR_WIDTH = 7.3;

    private static final String STYLE = "text{font-family:monospace;font-size:12px;fill:#222}"
            + ".caption{font-size:13px;font-weight:bold}.small{font-size:10px;fill:#555}"
            + "line{stroke:#666;stroke-width:1.2}.buffer{stroke:#d62728;stroke-width:2}"
            + ".sp{stroke:#08306b;stroke-width:2}rect{stroke:#444;stroke-width:1}";

    private final StringBuilder body = new StringBuilder();
    private double rightmostText; // the picture grows to fit its widest text


    /** A rectangle with a class and a fill colour. */
    SvgWriter rect(String cssClass, double x, double y, double width, double height, String fill) {
        body.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" rx=\"3\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** A line from one point to another. */
    SvgWriter line(String cssClass, double x1, double y1, double x2, double y2) {
        body.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>\n");
        return this;
    }

    /** Text whose middle sits at {@code x} (or whose start, for {@code anchor} {@code start}). */
    SvgWriter text(String cssClass, double x, double y, String anchor, String text) {
        double scale = cssClass.equals("caption") ? 1.15 : cssClass.equals("small") ? 0.85 : 1; // font sizes
        rightmostText = Math.max(rightmostText, x + width(text) * scale / (anchor.equals("start") ? 1 : 2));
        body.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /**
     * The finished picture: the {@code <svg>} element around everything written so far, at least
     * {@code width} wide and wider if a text needs it.
     */
    Svg finish(String kind, String title, double width, double height, String counts) {
        int w = (int) Math.ceil(Math.max(width, rightmostText + 16));
        int h = (int) Math.ceil(height);
        String markup = "<svg xmlns=\"" + NAMESPACE + "\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w
                + " " + h + "\">\n<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n"
                + "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h + "\" fill=\"white\""
                + " stroke=\"none\"/>\n" + body + "</svg>\n";
        return new Svg(kind, w, h, counts, markup);
    }

    /** How wide {@code text} draws, roughly. */
    static double width(String text) {
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /**
     * The text with {@code < & > " '} escaped, and characters XML 1.0 cannot carry at all (control
     * characters, unpaired surrogates) replaced by U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(allowed(c) ? c : '\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether XML 1.0 allows this (non-surrogate-pair) character. */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** A coordinate with at most one decimal, and a dot whatever the locale. */
    private static String n(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
