package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PoolSweepProperties {
    private static final int EXAMPLES = 1000;
    private static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    static Optional<LocalDate> maybeDay(Random random) {
        return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(BASE.plusDays(random.nextInt(200)));
    }

    static PoolSweep.Snapshot randomSnapshot(long seed) {
        Random random = new Random(seed);
        Map<String, PoolPolicy> policies = Map.of(
                "east", new PoolPolicy(5, 10, random.nextInt(60), random.nextInt(120), random.nextInt(30), random.nextInt(10)),
                "west", new PoolPolicy(5, 10, random.nextInt(60), 0, 0, random.nextInt(10)));
        List<PoolAccount> accounts = new ArrayList<>();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            boolean held = random.nextBoolean();
            Optional<LocalDate> since = held ? Optional.of(BASE.plusDays(random.nextInt(200))) : Optional.empty();
            accounts.add(new PoolAccount("a" + i, random.nextBoolean() ? "east" : "west",
                    held ? Optional.of("rep-" + random.nextInt(4)) : Optional.empty(), since,
                    maybeDay(random), maybeDay(random), held ? maybeDay(random) : Optional.empty(), Optional.empty()));
        }
        return new PoolSweep.Snapshot(policies, accounts);
    }

    private static final Gen<Long> SEEDS = longs().all();
    private static final Gen<Integer> DAYS = integers().between(0, 400);

    @Test
    void a_second_sweep_on_the_same_day_changes_nothing() {
        qt().withExamples(EXAMPLES).forAll(SEEDS, DAYS).checkAssert((seed, offset) -> {
            LocalDate today = BASE.plusDays(offset);
            PoolSweep.Result once = PoolSweep.sweep(randomSnapshot(seed), today);
            PoolSweep.Result twice = PoolSweep.sweep(once.after(), today);
            assertThat(twice.reclaims()).isEmpty();
            assertThat(twice.after()).isEqualTo(once.after());
        });
    }

    @Test
    void a_sweep_is_deterministic_and_only_ever_releases_held_accounts() {
        qt().withExamples(EXAMPLES).forAll(SEEDS, DAYS).checkAssert((seed, offset) -> {
            LocalDate today = BASE.plusDays(offset);
            PoolSweep.Snapshot before = randomSnapshot(seed);
            PoolSweep.Result result = PoolSweep.sweep(before, today);
            assertThat(PoolSweep.sweep(randomSnapshot(seed), today)).isEqualTo(result);
            for (int i = 0; i < before.accounts().size(); i++) {
                PoolAccount was = before.accounts().get(i);
                PoolAccount is = result.after().accounts().get(i);
                boolean reclaimed = result.reclaims().stream().anyMatch(r -> r.accountId().equals(was.accountId()));
                assertThat(reclaimed).isEqualTo(was.isHeld() && !is.isHeld());
                if (!reclaimed) {
                    assertThat(is).isEqualTo(was);
                } else {
                    assertThat(is.lastFollowUp()).isEqualTo(was.lastFollowUp());
                    assertThat(is.lastDeal()).isEqualTo(was.lastDeal());
                }
            }
        });
    }
}
