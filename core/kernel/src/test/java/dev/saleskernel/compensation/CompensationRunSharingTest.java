package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.compensation.PlanComponent.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A run's deal attribution is computed once, on the first deal payout read, whichever thread
 * reads first: threads sharing one run read the same payouts as a run read by one thread. Its
 * statements are built when read, each with its own buffers: threads building them at once get
 * what one reader gets.
 */
class CompensationRunSharingTest {
    private static final int REPS = 40;
    private static final int THREADS = 4;

    private static CreditBatch credits(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CreditBatch.Builder lines = CreditBatch.builder(2_000);
        for (int i = 0; i < 2_000; i++) {
            lines.add("rep-" + random.nextInt(REPS), "deal-" + random.nextInt(600), "p-1", JAN_15, CreditEvent.BOOKING,
                    CreditKind.DIRECT, 100 + random.nextInt(2_000_000));
        }
        return lines.build().get();
    }

    private static CompensationRun run(CreditBatch batch) {
        List<Participant> reps = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
            reps.add(Participant.of("rep-" + r, cents("400000.00"), cents("100000.00")));
        }
        return CommissionCalculator.run(plan(issueTiers(Mode.MARGINAL)), Q1, reps, List.of(), batch).get();
    }

    private static List<List<PeriodEarnings.DealPayout>> everyDealPayout(CompensationRun run) {
        List<List<PeriodEarnings.DealPayout>> all = new ArrayList<>();
        for (PeriodEarnings earnings : run.earnings()) {
            all.add(List.copyOf(earnings.dealPayouts()));
        }
        return all;
    }

    @Test
    void threads_reading_one_runs_deal_payouts_at_once_all_read_what_a_single_reader_reads() throws Exception {
        CreditBatch batch = credits(5);
        List<List<PeriodEarnings.DealPayout>> expected = everyDealPayout(run(batch));
        assertThat(expected.stream().mapToInt(List::size).sum()).isGreaterThan(REPS);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 20; round++) {
                CompensationRun shared = run(batch);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<List<PeriodEarnings.DealPayout>>>> readers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    readers.add(pool.submit(() -> {
                        start.await();
                        return everyDealPayout(shared);
                    }));
                }
                start.countDown();
                for (Future<List<List<PeriodEarnings.DealPayout>>> reader : readers) {
                    assertThat(reader.get()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threads_building_one_runs_statements_at_once_all_get_what_a_single_reader_gets() throws Exception {
        CreditBatch batch = credits(7);
        CompensationRun shared = run(batch);
        List<PeriodEarnings> expected = List.copyOf(run(batch).earnings());
        assertThat(expected).hasSize(REPS);
        assertThat(expected.get(0).components().get(0).explanation().formula()).contains(" × ").contains(" = ");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 20; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<PeriodEarnings>>> readers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    readers.add(pool.submit(() -> {
                        start.await();
                        return List.copyOf(shared.earnings());
                    }));
                }
                start.countDown();
                for (Future<List<PeriodEarnings>> reader : readers) {
                    assertThat(reader.get()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_runs_earnings_list_builds_equal_statements_on_every_read_and_cannot_be_changed() {
        CompensationRun run = run(credits(9));
        List<PeriodEarnings> earnings = run.earnings();
        assertThat(earnings).hasSize(REPS);
        assertThat(earnings.get(3)).isEqualTo(earnings.get(3)).isEqualTo(run.earnings("rep-3"));
        assertThat(earnings).isEqualTo(List.copyOf(earnings));
        assertThatThrownBy(() -> earnings.get(REPS)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> earnings.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
