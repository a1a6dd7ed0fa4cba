package dev.saleskernel.risk;

import static dev.saleskernel.risk.Portfolios.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.shared.ActorId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingLedgerProperties {
    static final ActorId ACTOR = new ActorId("batch");
    static final Instant AT = Instant.parse("2026-06-30T02:00:00Z");
    static final List<String> RULES = List.of("r1", "r2", "r3");

    @Test
    void deduplication_never_yields_two_open_findings_for_one_rule_and_subject() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            FindingLedger ledger = FindingLedger.empty();
            for (int step = 0; step < 12; step++) {
                int action = random.nextInt(4);
                if (action <= 1) {
                    List<Finding> findings = new ArrayList<>();
                    for (int i = random.nextInt(10); i > 0; i--) {
                        findings.add(new Finding(RULES.get(random.nextInt(3)), 1, RiskScope.ACCOUNT, "account:a" + random.nextInt(4),
                                new Severity(1 + random.nextInt(5), 1 + random.nextInt(5)), Map.of("x", "" + random.nextInt(3)), "act",
                                AS_OF.plusDays(step)));
                    }
                    Set<String> ran = new java.util.HashSet<>(List.of(RULES.get(random.nextInt(3)), RULES.get(random.nextInt(3))));
                    ledger = ledger.record(new RiskEvaluation(AS_OF.plusDays(step), ran, findings), ACTOR, AT).state();
                } else {
                    String id = "F-" + (1 + random.nextInt((int) Math.max(1, ledger.sequence())));
                    FindingLedger current = ledger;
                    ledger = (action == 2 ? current.acknowledge(id, "seen", ACTOR, AT, AS_OF) : current.resolve(id, "done", ACTOR, AT, AS_OF))
                            .map(c -> c.state()).getOrElse(current);
                }
                Map<String, Integer> openPerKey = new HashMap<>();
                List<TrackedFinding> all = new ArrayList<>(ledger.open().values());
                all.addAll(ledger.closed());
                for (TrackedFinding tracked : all) {
                    if (tracked.status().isOpen()) {
                        openPerKey.merge(tracked.finding().key(), 1, Integer::sum);
                    }
                }
                assertThat(openPerKey.values()).allMatch(count -> count == 1);
                assertThat(all).extracting(TrackedFinding::findingId).doesNotHaveDuplicates();
                assertThat(ledger.closed()).allMatch(t -> !t.status().isOpen());
            }
        });
    }
}
