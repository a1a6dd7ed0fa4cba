package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AbcClassifierProperties {
    private static final int EXAMPLES = 1000;

    private static final Gen<List<AbcInput>> ACCOUNTS = lists().of(Generate.oneOf(longs().between(-50, 50),
                    longs().between(0, 1_000_000_000L), longs().between(1, 3)))
            .ofSizeBetween(0, 60)
            .map(profits -> {
                List<AbcInput> inputs = new ArrayList<>();
                for (int i = 0; i < profits.size(); i++) {
                    inputs.add(new AbcInput("acc-" + i, profits.get(i)));
                }
                return inputs;
            });

    private static final Gen<AbcPolicy> POLICIES = integers().between(1, 100).zip(integers().between(0, 100),
            integers().between(0, 1), (a, extra, mode) -> new AbcPolicy(
                    mode == 0 ? AbcPolicy.CutOff.ACCOUNT_SHARE : AbcPolicy.CutOff.CUMULATIVE_SHARE,
                    BigDecimal.valueOf(a, 2), BigDecimal.valueOf(Math.min(100, a + extra), 2), BigDecimal.ZERO));

    private static final Gen<Integer> MARGIN_PERCENT = integers().between(0, 30);

    @Test
    void classification_is_a_partition_of_the_accounts() {
        qt().withExamples(EXAMPLES).forAll(ACCOUNTS, POLICIES).checkAssert((accounts, policy) -> {
            AbcRun run = AbcClassifier.classify(accounts, policy);
            assertThat(run.assignments()).extracting(AbcAssignment::accountId)
                    .containsExactlyInAnyOrderElementsOf(accounts.stream().map(AbcInput::accountId).toList());
            ParetoReport report = run.report();
            assertThat(report.rows().stream().mapToInt(ParetoReport.Row::accounts).sum()).isEqualTo(accounts.size());
            assertThat(report.rows().stream().mapToLong(ParetoReport.Row::contributionMinor).sum())
                    .isEqualTo(accounts.stream().mapToLong(AbcInput::contributionMinor).sum());
        });
    }

    @Test
    void class_shares_match_the_cut_off_rule() {
        qt().withExamples(EXAMPLES).forAll(ACCOUNTS, POLICIES).checkAssert((accounts, policy) -> {
            AbcRun run = AbcClassifier.classify(accounts, policy);
            List<AbcAssignment> ranked = run.assignments();
            boolean cumulative = policy.cutOff() == AbcPolicy.CutOff.CUMULATIVE_SHARE;
            long total = cumulative ? accounts.stream().mapToLong(a -> Math.max(0, a.contributionMinor())).sum() : accounts.size();
            BigDecimal totalD = BigDecimal.valueOf(total);
            long ahead = 0;
            for (AbcAssignment a : ranked) {
                BigDecimal aheadD = BigDecimal.valueOf(ahead);
                AbcClass expected;
                if (cumulative && a.contributionMinor() <= 0) {
                    expected = AbcClass.C;
                } else if (aheadD.compareTo(policy.aCutOff().multiply(totalD)) < 0) {
                    expected = AbcClass.A;
                } else if (aheadD.compareTo(policy.bCutOff().multiply(totalD)) < 0) {
                    expected = AbcClass.B;
                } else {
                    expected = AbcClass.C;
                }
                assertThat(a.abcClass()).as(a.toString()).isEqualTo(expected);
                ahead += cumulative ? Math.max(0, a.contributionMinor()) : 1;
            }
            if (!cumulative) {
                int n = accounts.size();
                long expectedA = BigDecimal.valueOf(n).multiply(policy.aCutOff()).setScale(0, RoundingMode.CEILING).longValue();
                long expectedAB = BigDecimal.valueOf(n).multiply(policy.bCutOff()).setScale(0, RoundingMode.CEILING).longValue();
                assertThat((long) run.report().row(AbcClass.A).accounts()).isEqualTo(expectedA);
                assertThat((long) run.report().row(AbcClass.A).accounts() + run.report().row(AbcClass.B).accounts()).isEqualTo(expectedAB);
            }
            for (int i = 1; i < ranked.size(); i++) {
                assertThat(ranked.get(i).contributionMinor()).isLessThanOrEqualTo(ranked.get(i - 1).contributionMinor());
            }
        });
    }

    @Test
    void the_run_does_not_depend_on_input_order() {
        qt().withExamples(EXAMPLES).forAll(ACCOUNTS, POLICIES, longs().all()).checkAssert((accounts, policy, seed) -> {
            List<AbcInput> shuffled = new ArrayList<>(accounts);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(AbcClassifier.classify(shuffled, policy)).isEqualTo(AbcClassifier.classify(accounts, policy));
        });
    }

    @Test
    void hysteresis_only_ever_keeps_a_previous_class_within_the_margin() {
        qt().withExamples(EXAMPLES).forAll(ACCOUNTS, POLICIES, MARGIN_PERCENT, longs().all()).checkAssert((accounts, policy, margin, seed) -> {
            Random random = new Random(seed);
            Map<String, AbcClass> previous = new HashMap<>();
            accounts.forEach(a -> previous.put(a.accountId(), AbcClass.values()[random.nextInt(3)]));
            AbcPolicy sticky = policy.withHysteresis(BigDecimal.valueOf(margin, 2));
            AbcRun run = AbcClassifier.classify(accounts, previous, sticky);
            AbcRun raw = AbcClassifier.classify(accounts, policy);
            Map<String, AbcClass> rawClasses = raw.classes();
            boolean cumulative = policy.cutOff() == AbcPolicy.CutOff.CUMULATIVE_SHARE;
            long total = cumulative ? accounts.stream().mapToLong(a -> Math.max(0, a.contributionMinor())).sum() : accounts.size();
            long ahead = 0;
            java.util.Set<String> changed = new HashSet<>();
            for (AbcAssignment a : run.assignments()) {
                assertThat(a.rawClass()).isEqualTo(rawClasses.get(a.accountId()));
                if (a.keptByHysteresis()) {
                    assertThat(a.abcClass()).isEqualTo(previous.get(a.accountId()));
                    BigDecimal share = BigDecimal.valueOf(ahead);
                    BigDecimal t = BigDecimal.valueOf(total);
                    BigDecimal cut = a.abcClass() == AbcClass.A || a.rawClass() == AbcClass.A ? policy.aCutOff() : policy.bCutOff();
                    BigDecimal distance = share.subtract(cut.multiply(t)).abs();
                    assertThat(distance).isLessThanOrEqualTo(sticky.hysteresis().multiply(t));
                }
                if (a.abcClass() != previous.get(a.accountId())) {
                    changed.add(a.accountId());
                }
                ahead += cumulative ? Math.max(0, a.contributionMinor()) : 1;
            }
            assertThat(run.changes()).extracting(AbcChange::accountId).containsExactlyInAnyOrderElementsOf(changed);
            if (margin == 0) {
                assertThat(run.classes()).isEqualTo(rawClasses);
            }
        });
    }

}
