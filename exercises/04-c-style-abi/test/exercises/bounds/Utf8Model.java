package exercises.bounds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tests' own model of strict UTF-8 (the Unicode standard's table 3-7 of well-formed byte
 * sequences), written apart from the reference solution, and the byte strings the properties try.
 */
final class Utf8Model {
    private Utf8Model() {}

    /** Where the first ill-formed sequence starts in {@code b[0, length)}, or -1 if all of it is well-formed UTF-8. */
    static int firstBad(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int x = b[i] & 0xFF;
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (x < 0x80) {
                i++;
                continue;
            } else if (x >= 0xC2 && x <= 0xDF) {
                need = 1;
            } else if (x >= 0xE0 && x <= 0xEF) {
                need = 2;
                lo = x == 0xE0 ? 0xA0 : 0x80; // 0xE0 0x80..0x9F is an overlong 3-byte form
                hi = x == 0xED ? 0x9F : 0xBF; // 0xED 0xA0..0xBF is a UTF-16 surrogate
            } else if (x >= 0xF0 && x <= 0xF4) {
                need = 3;
                lo = x == 0xF0 ? 0x90 : 0x80; // 0xF0 0x80..0x8F is an overlong 4-byte form
                hi = x == 0xF4 ? 0x8F : 0xBF; // 0xF4 0x90.. is above U+10FFFF
            } else {
                return i; // 0x80..0xC1 (a stray continuation, an overlong 2-byte lead), 0xF5..0xFF
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= length) {
                    return i;
                }
                int c = b[i + k] & 0xFF;
                if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** Bytes as "61 C3 A9 80" (every byte in hex). */
    static String hex(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return out.toString();
    }

    /** A string in quotes, with control characters, U+FFFD and surrogates written as \\uXXXX so they show. */
    static String show(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7F || c == '\uFFFD' || Character.isSurrogate(c) || c == '"' || c == '\\') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Prefixes whose byte count differs from their char count (and one valid U+FFFD), so an offset counted in chars shows. */
    static final String[] PREFIXES = {"", "a", "é", "€", "🦀", "\uFFFD", "Grüße ", "日本🦀"};

    /** Well-formed characters at the edges of each encoded length, and a valid U+FFFD. */
    static final String[] GOOD = {"\0", "\u007F", "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF",
            "\uD800\uDC00", "\uDBFF\uDFFF", "Grüße", "€ and 🦀"};

    /** Ill-formed sequences: every class the decoder must refuse, overlong forms of every length among them. */
    static final byte[][] BAD = {
            bytes(0x80), bytes(0xBF), bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), bytes(0xC2), bytes(0xC3, 0x41),
            bytes(0xE0, 0x80, 0xAF), bytes(0xE0, 0x9F, 0xBF), bytes(0xE2, 0x82), bytes(0xE2, 0x41, 0xAC),
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xF0, 0x8F, 0xBF, 0xBF),
            bytes(0xF0, 0x9F, 0xA6), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xF8),
            bytes(0xFE), bytes(0xFF)};

    /** Edges first (each bad sequence after each prefix, alone and followed by more text; each good character), then random strings. */
    static List<byte[]> cases(long seed, int randomCount) {
        List<byte[]> out = new ArrayList<>();
        for (String g : GOOD) {
            out.add(utf8(g));
        }
        for (String p : PREFIXES) {
            for (byte[] bad : BAD) {
                out.add(concat(utf8(p), bad));
                out.add(concat(concat(utf8(p), bad), utf8("z")));
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < randomCount; n++) {
            out.add(random(r));
        }
        return out;
    }

    /** A few well-formed characters of every length, and now and then one ill-formed sequence or a random byte. */
    static byte[] random(SplittableRandom r) {
        byte[] out = new byte[0];
        int parts = r.nextInt(1, 8);
        for (int p = 0; p < parts; p++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                out = concat(out, BAD[r.nextInt(BAD.length)]);
            } else if (kind == 1) {
                out = concat(out, bytes(r.nextInt(256)));
            } else {
                int cp;
                do {
                    cp = switch (r.nextInt(4)) {
                        case 0 -> r.nextInt(0x80);
                        case 1 -> r.nextInt(0x80, 0x800);
                        case 2 -> r.nextInt(0x800, 0x10000);
                        default -> r.nextInt(0x10000, 0x110000);
                    };
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                out = concat(out, utf8(new String(Character.toChars(cp))));
            }
        }
        return out;
    }
}
