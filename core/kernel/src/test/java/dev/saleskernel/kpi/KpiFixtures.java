package dev.saleskernel.kpi;

import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-computed KPI data on the head office with two branches (hq → sh (sh-1, sh-2), hz (hz-1,
 * hz-2)); reps ann (sh-1), bo (sh-2), cai (hz-1), dan (hz-2) all year, and eve hired into sh-1 on
 * 17 January 2026 (15 of January's 31 days). Calendar-year fiscal calendar; CNY.
 *
 * <pre>
 * January 2026                                  February 2026
 *  sh-1 east DIRECT cloud c1 1000.00 cogs 600    sh-1 east DIRECT cloud c1  800.00 cogs 400
 *  sh-1 east DIRECT cloud c2  500.00 cogs 200    hz-1 west DIRECT cloud c4 −200.00 cogs −150 (cancel, −1 order)
 *  sh-2 east AGENT  erp   c3  300.00 cogs 100    hz-2 west DIRECT cloud c5  400.00 cogs 100
 *  hz-1 west DIRECT cloud c4  200.00 cogs 150   March 2026: sh-1 east DIRECT cloud c2 700.00 cogs 300
 * spend Jan: sh-1 300.00, hz-1 100.00; selling cost Jan sh-1 100.00
 * market Jan: sh-1 10,000.00 / 20 customers, hz-1 5,000.00 / 10 customers
 * surveys Jan sh-1: 80, 90, 95
 * funnel (ann, created in January): o1 won in 30 days with 4 visits (via stage 3), o2 won in
 * 10 days with 2 visits, o3 lost from stage 1, o4 open in stage 2; so reached(0) = reached(1) = 4,
 * reached(2) = 3, reached(3..6) = 2
 * observed through 31 March 2026: January and February cohorts are observable
 * </pre>
 */
final class KpiFixtures {
    static final Currency CNY = Currency.getInstance("CNY");
    static final FiscalCalendar CALENDAR = FiscalCalendar.CALENDAR_YEAR;
    static final Period JAN = CALENDAR.monthOf(LocalDate.of(2026, 1, 1));
    static final Period FEB = JAN.next();
    static final Period MAR = FEB.next();
    static final Period Q1 = CALENDAR.quarterOf(LocalDate.of(2026, 1, 1));

    private KpiFixtures() {
    }

    static OrgStructure org() {
        OrgStructure org = Orgs.headOfficeAndTwoBranches();
        org = Orgs.ok(org.hire(new Member("eve", "eve", LocalDate.of(2026, 1, 17), Optional.empty()), Orgs.HR, Orgs.AT));
        return Orgs.ok(org.assign("eve", "sh-1", Role.REP, LocalDate.of(2026, 1, 17), Optional.empty(), Orgs.HR, Orgs.AT));
    }

    static LocalDate jan(int day) {
        return LocalDate.of(2026, 1, day);
    }

    static KpiFacts.Builder ordersOnly() {
        return KpiFacts.builder(CNY, 16)
                .addOrder(jan(5), "sh-1", "east", "DIRECT", "cloud", "c1", 1000_00, 600_00, 1)
                .addOrder(jan(10), "sh-1", "east", "DIRECT", "cloud", "c2", 500_00, 200_00, 1)
                .addOrder(jan(20), "sh-2", "east", "AGENT", "erp", "c3", 300_00, 100_00, 1)
                .addOrder(jan(15), "hz-1", "west", "DIRECT", "cloud", "c4", 200_00, 150_00, 1)
                .addOrder(LocalDate.of(2026, 2, 3), "sh-1", "east", "DIRECT", "cloud", "c1", 800_00, 400_00, 1)
                .addOrder(LocalDate.of(2026, 2, 10), "hz-1", "west", "DIRECT", "cloud", "c4", -200_00, -150_00, -1)
                .addOrder(LocalDate.of(2026, 2, 12), "hz-2", "west", "DIRECT", "cloud", "c5", 400_00, 100_00, 1)
                .addOrder(LocalDate.of(2026, 3, 9), "sh-1", "east", "DIRECT", "cloud", "c2", 700_00, 300_00, 1)
                .observedThrough(LocalDate.of(2026, 3, 31));
    }

    static KpiFacts facts() {
        OrgStructure org = org();
        KpiFacts.Builder b = ordersOnly()
                .addAcquisitionSpend(jan(31), "sh-1", "east", "DIRECT", "cloud", 300_00)
                .addAcquisitionSpend(jan(31), "hz-1", "west", "DIRECT", "cloud", 100_00)
                .addSellingCost(jan(31), "sh-1", "east", "DIRECT", "cloud", 100_00)
                .addMarket(jan(1), "sh-1", "east", "DIRECT", "cloud", 10_000_00, 20)
                .addMarket(jan(1), "hz-1", "west", "DIRECT", "cloud", 5_000_00, 10)
                .addSurvey(jan(12), "sh-1", "east", "DIRECT", "cloud", 80)
                .addSurvey(jan(13), "sh-1", "east", "DIRECT", "cloud", 90)
                .addSurvey(jan(14), "sh-1", "east", "DIRECT", "cloud", 95)
                .addHeadcount(org, List.of(JAN, FEB, MAR))
                .addFunnel(funnel(), new FunnelReport.Options(epoch(jan(31)), 1, 2), org, List.of(JAN, FEB, MAR));
        return ok(b.build());
    }

    static long epoch(LocalDate day) {
        return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** The four January opportunities of ann (stage indexes: 0..5 open, 6 won, 7 lost). */
    static FunnelData funnel() {
        FunnelData.Builder b = FunnelData.builder(DefaultPipelines.seeds(), CNY, 4);
        String[] dims = {"ann", "ann", "seeds", "cloud", "DIRECT"};
        b.add("o1", epoch(jan(1)), epoch(jan(31)), FunnelData.WON, 6, 1000_00, 10_000, dims, 0, 4,
                new int[] {0, 3, 6}, new long[] {epoch(jan(1)), epoch(jan(11)), epoch(jan(31))},
                new long[] {epoch(jan(11)), epoch(jan(31)), -1});
        b.add("o2", epoch(jan(5)), epoch(jan(15)), FunnelData.WON, 6, 500_00, 10_000, dims, 0, 2,
                new int[] {0, 6}, new long[] {epoch(jan(5)), epoch(jan(15))}, new long[] {epoch(jan(15)), -1});
        b.add("o3", epoch(jan(10)), epoch(jan(20)), FunnelData.LOST, 7, 300_00, 0, dims, 0, 1,
                new int[] {0, 1, 7}, new long[] {epoch(jan(10)), epoch(jan(12)), epoch(jan(20))},
                new long[] {epoch(jan(12)), epoch(jan(20)), -1});
        b.add("o4", epoch(jan(3)), -1, FunnelData.OPEN, 2, 900_00, 4_000, dims, 0, 0,
                new int[] {0, 2}, new long[] {epoch(jan(3)), epoch(jan(8))}, new long[] {epoch(jan(8)), -1});
        return b.build();
    }

    static KpiCube monthlyByOrg(KpiFacts facts) {
        return ok(KpiCube.of(facts, org(), CALENDAR, PeriodKind.MONTH, Set.of(CutDimension.ORG_UNIT)));
    }

    static <T> T ok(Either<?, T> either) {
        if (either.isLeft()) {
            throw new AssertionError(either.getLeft().toString());
        }
        return either.get();
    }
}
