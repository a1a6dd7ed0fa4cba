package dev.saleskernel.forecast;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.kpi.KpiValue;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.target.Attainment;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes forecasts from deals. Pure; amounts in minor units of one currency.
 *
 * <p><b>Who is in a team's forecast.</b> The team's members are the people with a membership (rep
 * or manager) in the team's unit or a unit below it on the <em>hierarchy date</em>: {@code asOf}
 * clamped into the period. Deals of anybody else — people outside the sales organisation, or in
 * another part of it — never enter the team's forecast; their ids are listed in
 * {@link TeamForecast#outside()}. Open deals without an expected close date are listed in
 * {@link TeamForecast#undated()} and not forecast.
 *
 * <p><b>Which deals.</b> Won deals closed in the period; open deals expected to close in the
 * period. Lost deals do not count.
 */
public final class Forecasting {
    private static final BigDecimal BP = BigDecimal.valueOf(10_000);

    private Forecasting() {
    }

    /**
     * A team's forecast and its members'.
     *
     * @param team     the whole team
     * @param byOwner  one forecast per member with deals, by member id, in member-id order
     * @param outside  ids of deals whose owners are not in the team on the hierarchy date
     * @param undated  ids of open deals in the team without an expected close date
     */
    public record TeamForecast(Forecast team, Map<String, Forecast> byOwner, List<String> outside, List<String> undated) {
        public TeamForecast {
            byOwner = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byOwner));
            outside = List.copyOf(outside);
            undated = List.copyOf(undated);
        }
    }

    /** The day whose memberships define the team: {@code asOf} clamped into the period. */
    public static LocalDate hierarchyDate(Period period, LocalDate asOf) {
        LocalDate last = period.endExclusive().minusDays(1);
        return asOf.isBefore(period.start()) ? period.start() : asOf.isAfter(last) ? last : asOf;
    }

    /** Whether {@code memberId} belongs to {@code unitId} or a unit below it on {@code date}. */
    public static boolean inTeam(OrgStructure org, String memberId, String unitId, LocalDate date) {
        for (Membership m : org.unitsOf(memberId, date)) {
            if (org.isWithinOn(m.unitId(), unitId, date)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The forecast of team {@code unitId} for {@code period} as of {@code asOf}. Refused with
     * {@link ForecastRejection#DEAL_INVALID} for every deal with a negative amount or a probability
     * outside 0..10,000 hundredths of a percent.
     *
     * @param targets targets in minor units by scope (the unit id for the team, member ids for members); missing = none
     */
    public static Either<Rejected, TeamForecast> forecast(List<ForecastDeal> deals, OrgStructure org, String unitId, Period period,
                                                          LocalDate asOf, WinRates rates, Map<String, Long> targets) {
        Objects.requireNonNull(rates, "rates");
        List<Rejection> problems = new ArrayList<>();
        for (ForecastDeal deal : deals) {
            if (deal.amountMinor() < 0 || deal.probabilityBp() < 0 || deal.probabilityBp() > 10_000) {
                problems.add(Rejection.of(ForecastRejection.DEAL_INVALID, "forecast-deal:" + deal.id(),
                        deal.amountMinor() < 0 ? "amountMinor" : "probabilityBp",
                        "a deal's amount is not negative and its probability lies in 0..10,000 hundredths of a percent")
                        .withEvidence("amountMinor", deal.amountMinor()).withEvidence("probabilityBp", deal.probabilityBp()));
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new Rejected(problems));
        }
        LocalDate on = hierarchyDate(period, asOf);
        Map<String, List<ForecastDeal>> byOwner = new TreeMap<>();
        List<ForecastDeal> team = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (ForecastDeal deal : deals) {
            boolean counts = deal.status() == StageKind.WON ? deal.closedOn().map(period::contains).orElse(false)
                    : deal.status() == StageKind.OPEN && deal.expectedClose().map(period::contains).orElse(false);
            boolean open = deal.status() == StageKind.OPEN;
            if (!counts && !(open && deal.expectedClose().isEmpty())) {
                continue;
            }
            if (!inTeam(org, deal.ownerId(), unitId, on)) {
                outside.add(deal.id());
                continue;
            }
            if (!counts) {
                undated.add(deal.id());
                continue;
            }
            team.add(deal);
            byOwner.computeIfAbsent(deal.ownerId(), k -> new ArrayList<>()).add(deal);
        }
        Map<String, Forecast> owners = new TreeMap<>();
        byOwner.forEach((owner, own) -> owners.put(owner, of(owner, own, period, asOf, rates, Optional.ofNullable(targets.get(owner)))));
        return Either.right(new TeamForecast(of(unitId, team, period, asOf, rates, Optional.ofNullable(targets.get(unitId))), owners,
                outside, undated));
    }

    /** The forecast of a set of deals already chosen for a scope and period. */
    public static Forecast of(String scope, List<ForecastDeal> deals, Period period, LocalDate asOf, WinRates rates,
                              Optional<Long> target) {
        long closed = 0, commit = 0, bestCase = 0, pipeline = 0, omitted = 0, unrated = 0;
        BigInteger weightedBp = BigInteger.ZERO;
        long[] openByStage = new long[rates.openStages()];
        for (ForecastDeal deal : deals) {
            long amount = deal.amountMinor();
            if (deal.status() == StageKind.WON) {
                closed = Math.addExact(closed, amount);
                continue;
            }
            weightedBp = weightedBp.add(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(deal.probabilityBp())));
            switch (deal.category()) {
                case COMMIT -> commit = Math.addExact(commit, amount);
                case BEST_CASE -> bestCase = Math.addExact(bestCase, amount);
                case PIPELINE -> pipeline = Math.addExact(pipeline, amount);
                default -> omitted = Math.addExact(omitted, amount);
            }
            if (deal.category() == ForecastCategory.OMITTED) {
                continue;
            }
            if (deal.stage() < openByStage.length && rates.closed(deal.stage()) > 0) {
                openByStage[deal.stage()] = Math.addExact(openByStage[deal.stage()], amount);
            } else {
                unrated = Math.addExact(unrated, amount);
            }
        }
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (int s = 0; s < openByStage.length; s++) {
            if (openByStage[s] == 0) {
                continue;
            }
            BigInteger c = BigInteger.valueOf(rates.closed(s));
            numerator = numerator.multiply(c).add(BigInteger.valueOf(openByStage[s]).multiply(BigInteger.valueOf(rates.won(s)))
                    .multiply(denominator));
            denominator = denominator.multiply(c);
        }
        long expectedOpen = new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_EVEN).longValueExact();
        long weighted = new BigDecimal(weightedBp).divide(BP, 0, RoundingMode.HALF_EVEN).longValueExact();
        return new Forecast(scope, period, closed, commit, bestCase, pipeline, omitted, weighted, Math.addExact(closed, expectedOpen),
                unrated, Attainment.runRate(closed, period, asOf), target);
    }

    /**
     * Forecast accuracy after the period: {@code 1 − |actual − forecast| ÷ actual}, 4 decimals
     * HALF_EVEN (1 is perfect; it can fall below 0 when the miss exceeds the actual). Undefined
     * when the actual is 0.
     */
    public static KpiValue accuracy(long forecast, long actual) {
        if (actual == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "actual");
        }
        BigDecimal miss = BigDecimal.valueOf(actual).subtract(BigDecimal.valueOf(forecast)).abs();
        BigDecimal numerator = BigDecimal.valueOf(actual).subtract(miss);
        return new KpiValue.Defined(numerator.divide(BigDecimal.valueOf(actual), 4, RoundingMode.HALF_EVEN), numerator,
                BigDecimal.valueOf(actual));
    }

    /** Forecast bias: {@code (forecast − actual) ÷ actual}, 4 decimals HALF_EVEN (positive = over-forecast); undefined when the actual is 0. */
    public static KpiValue bias(long forecast, long actual) {
        if (actual == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "actual");
        }
        BigDecimal numerator = BigDecimal.valueOf(forecast).subtract(BigDecimal.valueOf(actual));
        return new KpiValue.Defined(numerator.divide(BigDecimal.valueOf(actual), 4, RoundingMode.HALF_EVEN), numerator,
                BigDecimal.valueOf(actual));
    }
}
