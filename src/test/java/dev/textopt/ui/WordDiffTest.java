package dev.textopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.adapter.ui.WordDiff;
import dev.textopt.adapter.ui.WordDiff.Op;
import dev.textopt.adapter.ui.WordDiff.Piece;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static String marked(List<Piece> pieces) {
        return pieces.stream().map(p -> switch (p.op()) {
            case EQUAL -> p.text();
            case INSERT -> "[+" + p.text() + "]";
            case DELETE -> "[-" + p.text() + "]";
            case ELIDED -> "…";
        }).collect(Collectors.joining());
    }

    private static String newText(List<Piece> pieces) {
        return pieces.stream().filter(p -> p.op() != Op.DELETE).map(Piece::text).collect(Collectors.joining());
    }

    @Test
    void equalTextsAreOneEqualPiece() {
        assertThat(WordDiff.diff("Classify the sentiment.", "Classify the sentiment."))
                .containsExactly(new Piece(Op.EQUAL, "Classify the sentiment."));
    }

    @Test
    void marksInsertedAndRemovedWordsAroundTheCommonOnes() {
        var pieces = WordDiff.diff("Classify the sentiment of a text.", "Classify the sentiment as one word.");
        assertThat(marked(pieces)).isEqualTo("Classify the sentiment [-of a text.][+as one word.]");
    }

    @Test
    void findsTheLongestCommonSubsequenceNotJustPrefixAndSuffix() {
        var pieces = WordDiff.diff("a b c d e", "a x c y e");
        assertThat(marked(pieces)).isEqualTo("a [-b ][+x ]c [-d ][+y ]e");
    }

    @Test
    void fromNothingEverythingIsInsertedAndToNothingEverythingRemoved() {
        assertThat(WordDiff.diff("", "new words")).containsExactly(new Piece(Op.INSERT, "new words"));
        assertThat(WordDiff.diff("old words", "")).containsExactly(new Piece(Op.DELETE, "old words"));
        assertThat(WordDiff.diff(null, null)).isEmpty();
    }

    @Test
    void keepsTheNewTextsLineBreaksAndIgnoresReflowedWhitespace() {
        String after = "First line\nsecond  line\n\nthird";
        var pieces = WordDiff.diff("First line second line third", after);
        assertThat(newText(pieces)).isEqualTo(after);
        assertThat(pieces).allMatch(p -> p.op() == Op.EQUAL);
    }

    @Test
    void markupInTextIsJustWords() {
        var pieces = WordDiff.diff("Be nice.", "Be nice. <script>alert(1)</script>");
        assertThat(pieces).containsExactly(new Piece(Op.EQUAL, "Be nice. "), new Piece(Op.INSERT, "<script>alert(1)</script>"));
    }

    @Test
    void hugeRewritesFallBackToOneRemovalAndOneInsertionQuickly() {
        String before = "alpha ".repeat(3000);
        String after = "beta ".repeat(3000);
        long started = System.nanoTime();
        var pieces = WordDiff.diff(before, after);
        assertThat(pieces).extracting(Piece::op).containsExactly(Op.DELETE, Op.INSERT);
        assertThat(newText(pieces)).isEqualTo(after);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void aLongPromptWithASmallEditDiffsOnlyTheEdit() {
        String body = "word ".repeat(2000);
        var pieces = WordDiff.diff(body + "end.", body + "the end.");
        assertThat(pieces).extracting(Piece::op).containsExactly(Op.EQUAL, Op.INSERT, Op.EQUAL);
        assertThat(pieces.get(1).text()).isEqualTo("the ");
    }
}
