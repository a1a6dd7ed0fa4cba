package dev.saleskernel.funnel.analytics;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.SEEDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.Stage;
import dev.saleskernel.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The report against a straightforward reference computation over plain rows, on random data. */
class FunnelReportReferenceProperties {
    static final int K = SEEDS.openStages().size();
    static final long DAY = 86_400;

    record Visit(int stage, long entered, long left) {
    }

    record Row(String id, long created, int status, int stage, long amount, int bp, String owner, int slips,
               int visits, List<Visit> history) {
        long closed() {
            return history.get(history.size() - 1).entered();
        }
    }

    static List<Row> randomRows(Random r) {
        List<Row> rows = new ArrayList<>();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            long t = 1_700_000_000L + r.nextInt(200) * DAY + r.nextInt(86_400);
            long created = t;
            List<Visit> history = new ArrayList<>();
            int stage = 0;
            int moves = r.nextInt(7);
            for (int m = 0; m < moves; m++) {
                long next = t + r.nextInt(40 * 86_400);
                history.add(new Visit(stage, t, next));
                t = next;
                stage = r.nextInt(5) == 0 ? r.nextInt(K) : Math.min(K - 1, stage + 1 + r.nextInt(2));
            }
            int status = r.nextInt(3);
            if (status == 1) {
                long next = t + r.nextInt(10 * 86_400);
                history.add(new Visit(stage, t, next));
                t = next;
                stage = K;
            } else if (status == 2) {
                long next = t + r.nextInt(10 * 86_400);
                history.add(new Visit(stage, t, next));
                t = next;
                stage = K + 1;
            }
            history.add(new Visit(stage, t, -1));
            int bp = status == 1 ? 10_000 : status == 2 ? 0 : r.nextInt(10_001);
            rows.add(new Row("o-" + i, created, status, stage, r.nextInt(5) == 0 ? 0 : r.nextLong(1, 1_000_000_000L), bp,
                    "rep-" + r.nextInt(3), r.nextInt(4), r.nextInt(5), history));
        }
        return rows;
    }

    static FunnelData build(List<Row> rows) {
        FunnelData.Builder builder = FunnelData.builder(SEEDS, CNY, 4);
        for (Row row : rows) {
            builder.add(row.id(), row.created(), row.status() == 0 ? -1 : row.closed(), (byte) row.status(), row.stage(),
                    row.amount(), row.bp(), new String[] {row.owner(), row.owner(), "seeds", "", ""}, row.slips(),
                    row.visits(), row.history().stream().mapToInt(Visit::stage).toArray(),
                    row.history().stream().mapToLong(Visit::entered).toArray(),
                    row.history().stream().mapToLong(Visit::left).toArray());
        }
        return builder.build();
    }

    static Optional<BigDecimal> ratio(long a, long b, int scale) {
        return b == 0 ? Optional.empty() : Optional.of(new BigDecimal(a).divide(new BigDecimal(b), scale, RoundingMode.HALF_EVEN));
    }

    @Test
    void the_report_equals_a_straightforward_reference_computation_on_random_data() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<Row> all = randomRows(r);
            long from = 1_700_000_000L + r.nextInt(100) * DAY;
            long to = from + r.nextInt(150) * DAY;
            long asOf = 1_700_000_000L + 300 * DAY;
            List<Row> rows = all.stream().filter(x -> x.created() >= from && x.created() < to).toList();
            FunnelReport report = FunnelReport.of(build(all), FunnelCut.all().createdIn(
                    java.time.Instant.ofEpochSecond(from), java.time.Instant.ofEpochSecond(to)),
                    new FunnelReport.Options(asOf, 1, 2));

            assertThat(report.cohort()).isEqualTo(rows.size());
            for (int s = 0; s <= K; s++) {
                int stage = s;
                assertThat(report.reached(s)).as("reached %s", s).isEqualTo(rows.stream().filter(x -> x.history().stream()
                        .anyMatch(v -> v.stage() >= stage && v.stage() <= K)).count());
            }
            List<Row> won = rows.stream().filter(x -> x.status() == 1).toList();
            List<Row> lost = rows.stream().filter(x -> x.status() == 2).toList();
            List<Row> open = rows.stream().filter(x -> x.status() == 0).toList();
            long wonAmount = won.stream().mapToLong(Row::amount).sum();
            long lostAmount = lost.stream().mapToLong(Row::amount).sum();
            assertThat(report.winRateByCount()).isEqualTo(ratio(won.size(), won.size() + lost.size(), 4));
            assertThat(report.winRateByAmount()).isEqualTo(ratio(wonAmount, wonAmount + lostAmount, 4));
            for (int s = 0; s < K + 2; s++) {
                int stage = s;
                List<Long> days = rows.stream().flatMap(x -> x.history().stream())
                        .filter(v -> v.stage() == stage && v.left() >= 0).map(v -> v.left() - v.entered()).sorted().toList();
                assertThat(report.averageDaysInStage(s)).isEqualTo(days.isEmpty() ? Optional.empty()
                        : Optional.of(new BigDecimal(days.stream().mapToLong(Long::longValue).sum())
                        .divide(new BigDecimal(days.size() * DAY), 2, RoundingMode.HALF_EVEN)));
                Optional<BigDecimal> median = days.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(
                        days.get((days.size() - 1) / 2) + days.get(days.size() / 2)).divide(new BigDecimal(2 * DAY), 2,
                        RoundingMode.HALF_EVEN));
                assertThat(FunnelReport.medianDaysInStage(build(rows), FunnelCut.all()).get(s)).isEqualTo(median);
            }
            BigDecimal weighted = open.stream().map(x -> new BigDecimal(x.amount()).multiply(new BigDecimal(x.bp()))
                    .divide(new BigDecimal(10_000))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(report.weightedPipeline()).isEqualTo(Money.ofMinor(weighted.setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact(), CNY));
            Map<ForecastCategory, Long> byCategory = open.stream().collect(Collectors.groupingBy(
                    x -> SEEDS.openStages().get(x.stage()).forecastCategory(), Collectors.summingLong(Row::amount)));
            long commit = byCategory.getOrDefault(ForecastCategory.COMMIT, 0L);
            long best = byCategory.getOrDefault(ForecastCategory.BEST_CASE, 0L);
            long pipe = byCategory.getOrDefault(ForecastCategory.PIPELINE, 0L);
            assertThat(report.commitRollup()).isEqualTo(Money.ofMinor(commit + wonAmount, CNY));
            assertThat(report.bestCaseRollup()).isEqualTo(Money.ofMinor(best + commit + wonAmount, CNY));
            assertThat(report.openPipeline()).isEqualTo(Money.ofMinor(pipe + best + commit, CNY));
            long cycle = won.stream().mapToLong(x -> x.closed() - x.created()).sum();
            long qualified = open.stream().filter(x -> x.stage() >= 1).count();
            if (won.isEmpty() || cycle == 0) {
                assertThat(report.velocityPerDay()).isEmpty();
            } else {
                BigInteger w = BigInteger.valueOf(won.size());
                BigInteger numerator = BigInteger.valueOf(qualified).multiply(BigInteger.valueOf(wonAmount))
                        .multiply(w).multiply(w).multiply(BigInteger.valueOf(DAY));
                BigInteger denominator = w.multiply(BigInteger.valueOf(won.size() + lost.size()))
                        .multiply(BigInteger.valueOf(cycle));
                assertThat(report.velocityPerDay()).contains(Money.ofMinor(new BigDecimal(numerator)
                        .divide(new BigDecimal(denominator), 0, RoundingMode.HALF_EVEN).longValueExact(), CNY));
            }
            List<String> stalled = open.stream().filter(x -> {
                Stage stage = SEEDS.openStages().get(x.stage());
                return stage.maxDaysInStage() > 0
                        && asOf - x.history().get(x.history().size() - 1).entered() > stage.maxDaysInStage() * DAY;
            }).map(Row::id).toList();
            assertThat(report.stalled()).containsExactlyElementsOf(stalled);
            assertThat(report.slipped()).isEqualTo(rows.stream().filter(x -> x.slips() >= 2).count());
            assertThat(report.visitsToClose()).isEqualTo(ratio(won.stream().mapToLong(Row::visits).sum(), won.size(), 2));
            Map<String, Long> perOwner = rows.stream().collect(Collectors.groupingBy(Row::owner, Collectors.counting()));
            Map<String, FunnelReport> byOwner = FunnelReport.by(FunnelData.Dimension.OWNER, build(all),
                    FunnelCut.all().createdIn(java.time.Instant.ofEpochSecond(from), java.time.Instant.ofEpochSecond(to)),
                    new FunnelReport.Options(asOf, 1, 2));
            assertThat(byOwner.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().cohort())))
                    .isEqualTo(perOwner);
            assertThat(byOwner.values().stream().map(FunnelReport::openPipeline).reduce(Money.zero(CNY), Money::plus))
                    .isEqualTo(report.openPipeline());
        });
    }
}
