package dev.saleskernel.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TieredInputsTest {
    private static Explanation.Input input(String name) {
        return new Explanation.Input(name, name + " value");
    }

    private final Explanation.Input[] ofTier = TieredInputs.ofTier(input("plan"), input("tier"), input("tier range"), input("rate"));
    private final TieredInputs inputs = new TieredInputs(ofTier, input("credited"), input("of which split credit"), input("quota"),
            input("attainment"));

    @Test
    void the_tiers_inputs_and_the_participants_own_read_in_the_explanations_order() {
        assertThat(inputs).extracting(Explanation.Input::name).containsExactly("plan", "credited", "of which split credit", "quota",
                "attainment", "tier", "tier range", "rate");
        assertThat(inputs.get(7)).isSameAs(ofTier[3]);
        assertThat(inputs).isEqualTo(List.copyOf(inputs)).hasSameHashCodeAs(List.copyOf(inputs));
    }

    @Test
    void reading_outside_the_eight_inputs_is_refused() {
        assertThatThrownBy(() -> inputs.get(8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> inputs.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        Iterator<Explanation.Input> each = inputs.iterator();
        for (int i = 0; i < 8; i++) {
            assertThat(each.hasNext()).isTrue();
            each.next();
        }
        assertThat(each.hasNext()).isFalse();
        assertThatThrownBy(each::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void the_inputs_cannot_be_changed_and_an_explanation_keeps_them_as_they_are() {
        assertThatThrownBy(() -> inputs.set(1, input("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inputs.add(input("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inputs.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Explanation("tiered/marginal", "1.00 × 5% = 0.05", inputs).inputs()).isSameAs(inputs);
    }
}
