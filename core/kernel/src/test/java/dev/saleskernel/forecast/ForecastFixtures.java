package dev.saleskernel.forecast;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A known pipeline of the Shanghai branch (sh: ann in sh-1, bo in sh-2, manager mei) for Q1 2026,
 * as of 14 February (day 45 of 90), with deals of cai (Hangzhou) and of finance-li (outside the
 * sales organisation) that must not enter it. Seeds layout: stages 0–2 pipeline, 3–4 best case, 5 commit.
 */
public final class ForecastFixtures {
    public static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarterOf(LocalDate.of(2026, 1, 1));
    public static final LocalDate AS_OF = LocalDate.of(2026, 2, 14);

    private ForecastFixtures() {
    }

    public static OrgStructure org() {
        OrgStructure org = Orgs.headOfficeAndTwoBranches();
        org = Orgs.ok(org.hire(new Member("mei", "mei", Orgs.START, Optional.empty()), Orgs.HR, Orgs.AT));
        org = Orgs.ok(org.assign("mei", "sh", Role.MANAGER, Orgs.START, Optional.empty(), Orgs.HR, Orgs.AT));
        org = Orgs.ok(org.hire(new Member("hong", "hong", Orgs.START, Optional.empty()), Orgs.HR, Orgs.AT));
        return Orgs.ok(org.assign("hong", "hz", Role.MANAGER, Orgs.START, Optional.empty(), Orgs.HR, Orgs.AT));
    }

    public static ForecastDeal won(String id, String owner, long amount, LocalDate closed) {
        return new ForecastDeal(id, owner, StageKind.WON, 6, 6, ForecastCategory.CLOSED, amount, 10_000, Optional.empty(),
                Optional.of(closed));
    }

    public static ForecastDeal lost(String id, String owner, int furthest, LocalDate closed) {
        return new ForecastDeal(id, owner, StageKind.LOST, furthest, furthest, ForecastCategory.OMITTED, 1_000_00, 0,
                Optional.empty(), Optional.of(closed));
    }

    public static ForecastDeal open(String id, String owner, int stage, ForecastCategory category, long amount, int bp, LocalDate close) {
        return new ForecastDeal(id, owner, StageKind.OPEN, stage, stage, category, amount, bp, Optional.ofNullable(close),
                Optional.empty());
    }

    public static List<ForecastDeal> pipeline() {
        return List.of(
                won("w1", "ann", 300_000_00, LocalDate.of(2026, 1, 20)),
                won("w2", "bo", 200_000_00, LocalDate.of(2026, 2, 2)),
                won("w3", "ann", 70_000_00, LocalDate.of(2025, 12, 20)),
                open("p1", "ann", 5, ForecastCategory.COMMIT, 100_000_00, 9_000, LocalDate.of(2026, 3, 10)),
                open("p2", "bo", 3, ForecastCategory.BEST_CASE, 150_000_00, 6_000, LocalDate.of(2026, 3, 20)),
                open("p3", "ann", 2, ForecastCategory.PIPELINE, 80_000_00, 4_000, LocalDate.of(2026, 2, 28)),
                open("p4", "bo", 4, ForecastCategory.BEST_CASE, 50_000_00, 7_500, LocalDate.of(2026, 4, 5)),
                open("p5", "ann", 2, ForecastCategory.PIPELINE, 10_000_00, 4_000, null),
                open("x1", "cai", 5, ForecastCategory.COMMIT, 999_00, 9_000, LocalDate.of(2026, 3, 1)),
                open("x2", "finance-li", 5, ForecastCategory.COMMIT, 777_00, 9_000, LocalDate.of(2026, 3, 1)),
                lost("l1", "bo", 2, LocalDate.of(2026, 2, 5)));
    }

    /** Closed history: h1 and h4 won, h2 lost after stage 1, h3 lost after stage 3. */
    public static WinRates history() {
        return WinRates.learn(List.of(won("h1", "ann", 1, LocalDate.of(2025, 5, 1)), lost("h2", "bo", 1, LocalDate.of(2025, 6, 1)),
                lost("h3", "ann", 3, LocalDate.of(2025, 7, 1)), won("h4", "bo", 1, LocalDate.of(2025, 8, 1))), 6);
    }

    public static Forecasting.TeamForecast shanghai() {
        return Forecasting.forecast(pipeline(), org(), "sh", Q1, AS_OF, history(), java.util.Map.of("sh", 1_200_000_00L)).get();
    }
}
