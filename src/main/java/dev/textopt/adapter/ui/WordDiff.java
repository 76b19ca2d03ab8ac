package dev.textopt.adapter.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts: the longest common subsequence of their words, with the rest marked
 * as removed or inserted. Whitespace travels with the word before it, so the equal and inserted
 * pieces joined give the new text exactly, line breaks included.
 * Common leading and trailing words are peeled off first; a middle too large for the table is shown
 * as one removal and one insertion rather than letting a 10,000-word prompt cost seconds.
 */
public final class WordDiff {

    /** The largest LCS table (cells) we fill: about 16 MB of ints. */
    static final long MAX_CELLS = 4_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+\\s*|\\s+");

    /** {@code ELIDED} is never produced here: a page puts it in place of a long unchanged stretch. */
    public enum Op { EQUAL, INSERT, DELETE, ELIDED }

    public record Piece(Op op, String text) {
        public boolean inserted() {
            return op == Op.INSERT;
        }

        public boolean removed() {
            return op == Op.DELETE;
        }

        public boolean elided() {
            return op == Op.ELIDED;
        }
    }

    private WordDiff() {
    }

    public static List<Piece> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int start = 0;
        while (start < a.size() && start < b.size() && same(a.get(start), b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && same(a.get(endA - 1), b.get(endB - 1))) {
            endA--;
            endB--;
        }
        var pieces = new ArrayList<Piece>();
        for (int i = 0; i < start; i++) {
            add(pieces, Op.EQUAL, b.get(i));
        }
        middle(a.subList(start, endA), b.subList(start, endB), pieces);
        for (int i = endB; i < b.size(); i++) {
            add(pieces, Op.EQUAL, b.get(i));
        }
        return pieces;
    }

    private static void middle(List<String> a, List<String> b, List<Piece> pieces) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            a.forEach(t -> add(pieces, Op.DELETE, t));
            b.forEach(t -> add(pieces, Op.INSERT, t));
            return;
        }
        // lcs[i][j]: length of the LCS of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(a.get(i), b.get(j))) {
                add(pieces, Op.EQUAL, b.get(j));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(pieces, Op.DELETE, a.get(i++));
            } else {
                add(pieces, Op.INSERT, b.get(j++));
            }
        }
        while (i < n) {
            add(pieces, Op.DELETE, a.get(i++));
        }
        while (j < m) {
            add(pieces, Op.INSERT, b.get(j++));
        }
    }

    /** Consecutive pieces of the same kind merge, so the page has one {@code <ins>} per run of words. */
    private static void add(List<Piece> pieces, Op op, String text) {
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).op() == op) {
            Piece last = pieces.remove(pieces.size() - 1);
            pieces.add(new Piece(op, last.text() + text));
        } else {
            pieces.add(new Piece(op, text));
        }
    }

    /** Words compare without the whitespace around them: a re-wrapped line is not a change of words. */
    private static boolean same(String x, String y) {
        return x.strip().equals(y.strip());
    }

    static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
