package dev.textopt.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void substitutesPlaceholders() {
        PromptTemplate t = PromptTemplate.parse("Role: {role}. Value: {variable}.");

        assertThat(t.placeholders()).containsExactly("role", "variable");
        assertThat(t.render(Map.of("role", "a prompt", "variable", "Hi"))).isEqualTo("Role: a prompt. Value: Hi.");
    }

    @Test
    void doubledBracesAreLiteral() {
        PromptTemplate t = PromptTemplate.parse("Answer as {{\"value\": {variable}}}");

        assertThat(t.placeholders()).containsExactly("variable");
        assertThat(t.render(Map.of("variable", "1"))).isEqualTo("Answer as {\"value\": 1}");
    }

    @Test
    void neverRescansInsertedValues() {
        PromptTemplate t = PromptTemplate.parse("<VARIABLE>{variable}</VARIABLE>");

        assertThat(t.render(Map.of("variable", "Use {role} and }} and {"))).isEqualTo("<VARIABLE>Use {role} and }} and {</VARIABLE>");
    }

    @Test
    void rejectsAnUnclosedBrace() {
        assertThatThrownBy(() -> PromptTemplate.parse("Start {variable"))
                .isInstanceOf(PromptTemplate.SyntaxException.class).hasMessageContaining("unclosed '{' at position 6");
    }

    @Test
    void rejectsALoneClosingBrace() {
        assertThatThrownBy(() -> PromptTemplate.parse("End }"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone '}'");
    }

    @Test
    void rejectsSomethingThatIsNotAName() {
        assertThatThrownBy(() -> PromptTemplate.parse("JSON {\"a\": 1}"))
                .isInstanceOf(PromptTemplate.SyntaxException.class).hasMessageContaining("write '{{' and '}}'");
    }
}
