package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbcClassifierScenarios {

    static List<AbcInput> tenAccounts() {
        long[] profits = {5000, 2000, 1000, 600, 400, 300, 300, 200, 100, 100};
        List<AbcInput> inputs = new ArrayList<>();
        for (int i = 0; i < profits.length; i++) {
            inputs.add(new AbcInput("acc-" + i, profits[i]));
        }
        return inputs;
    }

    static String classesInRankOrder(AbcRun run) {
        StringBuilder s = new StringBuilder();
        run.assignments().forEach(a -> s.append(a.abcClass()));
        return s.toString();
    }

    @Test
    void seeds_default_puts_the_top_fifth_of_accounts_in_a_and_the_next_three_tenths_in_b() {
        AbcRun run = AbcClassifier.classify(tenAccounts(), AbcPolicy.SEEDS_DEFAULT);

        assertThat(classesInRankOrder(run)).isEqualTo("AABBBCCCCC");
        ParetoReport.Row a = run.report().row(AbcClass.A);
        assertThat(a.accounts()).isEqualTo(2);
        assertThat(a.contributionMinor()).isEqualTo(7000);
        assertThat(a.accountShare()).isEqualByComparingTo("0.2");
        assertThat(a.contributionShare()).isEqualByComparingTo("0.7000");
        assertThat(run.report().row(AbcClass.B).contributionShare()).isEqualByComparingTo("0.2000");
        assertThat(run.report().row(AbcClass.C).contributionShare()).isEqualByComparingTo("0.1000");
    }

    @Test
    void cumulative_mode_takes_the_shortest_head_that_reaches_the_cut_off() {
        AbcPolicy policy = new AbcPolicy(AbcPolicy.CutOff.CUMULATIVE_SHARE, new BigDecimal("0.70"), new BigDecimal("0.90"), BigDecimal.ZERO);

        AbcRun run = AbcClassifier.classify(tenAccounts(), policy);

        assertThat(classesInRankOrder(run)).isEqualTo("AABBBCCCCC");
    }

    @Test
    void cumulative_cut_off_one_minor_unit_above_the_head_takes_one_more_account() {
        AbcPolicy policy = new AbcPolicy(AbcPolicy.CutOff.CUMULATIVE_SHARE, new BigDecimal("0.7001"), new BigDecimal("0.90"), BigDecimal.ZERO);

        assertThat(classesInRankOrder(AbcClassifier.classify(tenAccounts(), policy))).startsWith("AAA");
    }

    @Test
    void ties_are_broken_by_account_id_whatever_the_input_order() {
        List<AbcInput> inputs = List.of(new AbcInput("z", 100), new AbcInput("b", 100), new AbcInput("m", 100),
                new AbcInput("a", 100), new AbcInput("k", 100));
        AbcRun run = AbcClassifier.classify(inputs, AbcPolicy.SEEDS_DEFAULT);
        AbcRun reversed = AbcClassifier.classify(List.of(inputs.get(4), inputs.get(3), inputs.get(2), inputs.get(1), inputs.get(0)),
                AbcPolicy.SEEDS_DEFAULT);

        assertThat(run.assignments()).extracting(AbcAssignment::accountId).containsExactly("a", "b", "k", "m", "z");
        assertThat(run.classOf("a")).contains(AbcClass.A);
        assertThat(run.classOf("b")).contains(AbcClass.B);
        assertThat(run).isEqualTo(reversed);
    }

    @Test
    void hysteresis_keeps_an_account_just_past_the_cut_off_in_its_previous_class() {
        Map<String, AbcClass> previous = Map.of("acc-2", AbcClass.A);
        AbcRun without = AbcClassifier.classify(tenAccounts(), previous, AbcPolicy.SEEDS_DEFAULT);
        AbcRun with = AbcClassifier.classify(tenAccounts(), previous, AbcPolicy.SEEDS_DEFAULT.withHysteresis(new BigDecimal("0.05")));

        assertThat(without.classOf("acc-2")).contains(AbcClass.B);
        assertThat(with.classOf("acc-2")).contains(AbcClass.A);
        assertThat(with.assignments().get(2).keptByHysteresis()).isTrue();
    }

    @Test
    void hysteresis_does_not_keep_an_account_beyond_the_margin() {
        Map<String, AbcClass> previous = Map.of("acc-3", AbcClass.A);
        AbcRun run = AbcClassifier.classify(tenAccounts(), previous, AbcPolicy.SEEDS_DEFAULT.withHysteresis(new BigDecimal("0.10")));

        assertThat(run.classOf("acc-3")).contains(AbcClass.B);
    }

    @Test
    void each_run_records_the_accounts_whose_class_changed() {
        Map<String, AbcClass> previous = Map.of("acc-0", AbcClass.A, "acc-1", AbcClass.B, "acc-2", AbcClass.B);
        AbcRun run = AbcClassifier.classify(tenAccounts().subList(0, 3), previous, AbcPolicy.SEEDS_DEFAULT);

        assertThat(run.changes()).containsExactly(new AbcChange("acc-2", Optional.of(AbcClass.B), AbcClass.C));
    }

    @Test
    void loss_making_accounts_are_c_in_cumulative_mode() {
        AbcPolicy policy = new AbcPolicy(AbcPolicy.CutOff.CUMULATIVE_SHARE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
        AbcRun run = AbcClassifier.classify(List.of(new AbcInput("x", 10), new AbcInput("y", 0), new AbcInput("z", -5)),
                Map.of("y", AbcClass.A), policy.withHysteresis(new BigDecimal("0.5")));

        assertThat(classesInRankOrder(run)).isEqualTo("ACC");
    }

    @Test
    void an_account_given_twice_is_a_programming_error() {
        assertThatThrownBy(() -> AbcClassifier.classify(List.of(new AbcInput("x", 1), new AbcInput("x", 2)), AbcPolicy.SEEDS_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
