package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.grad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {

    private final Parameter param = new Parameter("p", "text", "a prompt", true, List.of(grad("first")));

    @Test
    void keepsGradientsInTheOrderTheyWereAppended() {
        param.appendGrad(grad("second"), grad("third"));
        param.appendGrad(List.of(grad("fourth")));

        assertThat(param.grad()).extracting(Gradient::data).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void exposesGradOnlyAsAReadOnlyView() {
        assertThatThrownBy(() -> param.grad().add(grad("sneaky"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void replaceAndClearGrad() {
        param.replaceGrad(List.of(grad("new")));
        assertThat(param.grad()).containsExactly(grad("new"));

        param.clearGrad();
        assertThat(param.grad()).isEmpty();
    }

    @Test
    void snapshotsAsAVariable() {
        param.setData("edited");
        param.setRequiresGrad(false);

        assertThat(param.toVariable()).isEqualTo(new Variable("edited", "a prompt", false));
    }

    @Test
    void rejectsABlankId() {
        assertThatThrownBy(() -> new Parameter(" ", "x", "r", true, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
