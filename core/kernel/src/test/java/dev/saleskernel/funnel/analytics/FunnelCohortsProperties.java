package dev.saleskernel.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FunnelReport#cohorts} in one pass against one {@link FunnelReport#by} per interval, on random data. */
class FunnelCohortsProperties {
    static final long DAY = 86_400;
    static final FunnelReport.Options OPTIONS = new FunnelReport.Options(1_700_000_000L + 300 * DAY, 1, 2);

    static void assertSame(FunnelReport actual, FunnelReport expected) {
        assertThat(actual.cohort()).isEqualTo(expected.cohort());
        for (int s = 0; s <= FunnelReportReferenceProperties.K; s++) {
            assertThat(actual.reached(s)).isEqualTo(expected.reached(s));
        }
        assertThat(actual.won()).isEqualTo(expected.won());
        assertThat(actual.lost()).isEqualTo(expected.lost());
        assertThat(actual.cycleSeconds()).isEqualTo(expected.cycleSeconds());
        assertThat(actual.visitsOnWon()).isEqualTo(expected.visitsOnWon());
        assertThat(actual.wonAmount()).isEqualTo(expected.wonAmount());
        assertThat(actual.weightedPipeline()).isEqualTo(expected.weightedPipeline());
        assertThat(actual.openPipeline()).isEqualTo(expected.openPipeline());
        assertThat(actual.stalled()).isEqualTo(expected.stalled());
        assertThat(actual.slipped()).isEqualTo(expected.slipped());
    }

    /*
     * Up to 4 disjoint creation intervals (from, to), in whole days or in any seconds, the first and
     * last swapped half of the time.
     */
    static long[][] intervals(Random r, boolean wholeDays) {
        int n = r.nextInt(5);
        long unit = wholeDays ? DAY : 1;
        long[] from = new long[n];
        long[] to = new long[n];
        long at = 1_700_000_000L + unit * r.nextInt((int) (30 * DAY / unit));
        for (int j = 0; j < n; j++) {
            from[j] = at + unit * r.nextInt((int) (3 * DAY / unit));
            to[j] = from[j] + unit * r.nextInt((int) (60 * DAY / unit));
            at = to[j];
        }
        if (n > 1 && r.nextBoolean()) {
            long f = from[0], t = to[0];
            from[0] = from[n - 1];
            to[0] = to[n - 1];
            from[n - 1] = f;
            to[n - 1] = t;
        }
        return new long[][] {from, to};
    }

    @Test
    void cohorts_in_one_pass_equal_one_report_per_interval_and_owner_in_the_same_order() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            FunnelData data = FunnelReportReferenceProperties.build(FunnelReportReferenceProperties.randomRows(r));
            long[][] intervals = intervals(r, true);
            long[] from = intervals[0];
            long[] to = intervals[1];
            int n = from.length;
            List<FunnelReport.Cohort> cohorts = FunnelReport.cohorts(data, from, to, List.of(FunnelData.Dimension.OWNER), OPTIONS);

            List<Object> expected = new ArrayList<>();
            List<FunnelReport> reports = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                FunnelCut cut = FunnelCut.all().createdIn(Instant.ofEpochSecond(from[j]), Instant.ofEpochSecond(to[j]));
                for (Map.Entry<String, FunnelReport> e : FunnelReport.by(FunnelData.Dimension.OWNER, data, cut, OPTIONS).entrySet()) {
                    expected.add(j + ":" + e.getKey());
                    reports.add(e.getValue());
                }
            }
            assertThat(cohorts.stream().map(c -> (Object) (c.interval() + ":"
                    + data.value(FunnelData.Dimension.OWNER, c.codes()[0]))).toList()).isEqualTo(expected);
            for (int g = 0; g < cohorts.size(); g++) {
                assertSame(cohorts.get(g).report(), reports.get(g));
            }
        });
    }

    @Test
    void cohort_counts_equal_the_figures_of_the_cohort_reports_in_the_same_order() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            FunnelData data = FunnelReportReferenceProperties.build(FunnelReportReferenceProperties.randomRows(r));
            long[][] intervals = intervals(r, r.nextBoolean());
            long[] from = intervals[0];
            long[] to = intervals[1];
            List<FunnelData.Dimension> dimensions = r.nextBoolean() ? List.of(FunnelData.Dimension.OWNER)
                    : List.of(FunnelData.Dimension.PRODUCT_LINE, FunnelData.Dimension.CHANNEL, FunnelData.Dimension.OWNER);

            List<FunnelReport.CohortCounts> counts = FunnelReport.cohortCounts(data, from, to, dimensions);
            List<FunnelReport.Cohort> cohorts = FunnelReport.cohorts(data, from, to, dimensions, OPTIONS);

            assertThat(counts).hasSameSizeAs(cohorts);
            for (int g = 0; g < cohorts.size(); g++) {
                FunnelReport.CohortCounts c = counts.get(g);
                FunnelReport report = cohorts.get(g).report();
                assertThat(c.interval()).isEqualTo(cohorts.get(g).interval());
                assertThat(c.codes()).isEqualTo(cohorts.get(g).codes());
                assertThat(c.won()).isEqualTo(report.won());
                assertThat(c.cycleSeconds()).isEqualTo(report.cycleSeconds());
                assertThat(c.visitsOnWon()).isEqualTo(report.visitsOnWon());
                for (int s = 0; s <= FunnelReportReferenceProperties.K; s++) {
                    assertThat(c.reached(s)).isEqualTo(report.reached(s));
                }
            }
        });
    }

    @Test
    void overlapping_intervals_are_refused() {
        FunnelData data = FunnelReportReferenceProperties.build(List.of());
        assertThatThrownBy(() -> FunnelReport.cohorts(data, new long[] {0, 10}, new long[] {20, 30}, List.of(), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThat(FunnelReport.cohorts(data, new long[] {0, 20}, new long[] {20, 30}, List.of(), OPTIONS)).isEmpty();
        assertThatThrownBy(() -> FunnelReport.cohortCounts(data, new long[] {0, 10}, new long[] {20, 30}, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }
}
