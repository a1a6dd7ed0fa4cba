package dev.saleskernel.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.Orgs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttainmentProperties {
    private static final List<String> REPS = List.of("ann", "bo", "cai", "dan");
    private final OrgStructure org = Orgs.headOfficeAndTwoBranches();

    private static List<ActualFact> randomFacts(Random random) {
        List<ActualFact> facts = new ArrayList<>();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            List<String> reps = new ArrayList<>(REPS);
            Collections.shuffle(reps, random);
            int k = 1 + random.nextInt(3);
            List<ActualFact.Credit> credits = new ArrayList<>();
            int left = 100;
            for (int j = 0; j < k; j++) {
                int share = j == k - 1 ? left : 1 + random.nextInt(Math.max(1, left - (k - j - 1)));
                share = Math.min(share, left - (k - j - 1));
                left -= share;
                credits.add(new ActualFact.Credit(reps.get(j), BigDecimal.valueOf(share, 2)));
            }
            long amount = random.nextInt(5) == 0 ? -random.nextInt(100_000) : random.nextInt(100_000_000);
            facts.add(new ActualFact("f" + i, Metric.REVENUE, amount, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(90)),
                    "sh-1", "cloud", "DIRECT", credits, Optional.empty()));
        }
        return facts;
    }

    @Test
    void split_credit_conserves_every_fact_and_the_company_total_equals_the_facts_in_any_order() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<ActualFact> facts = randomFacts(random);
            long total = facts.stream().mapToLong(ActualFact::amount).sum();

            Attainment.Credited credited = Attainment.credit(facts, org, AttainmentScenarios.Q1_REVENUE);
            List<ActualFact> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, random);

            assertThat(credited.byMember().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
            assertThat(credited.unit("hq")).isEqualTo(total);
            assertThat(credited.unit("sh") + credited.unit("hz")).isEqualTo(total);
            assertThat(Attainment.credit(shuffled, org, AttainmentScenarios.Q1_REVENUE)).isEqualTo(credited);
        });
    }
}
