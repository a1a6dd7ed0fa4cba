package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.CompensationRejection.*;

import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One version of a compensation plan, as data: effective-dated, in one payout currency, earning on
 * one credit event, with a pay mix and ordered components. Build it freely, then call
 * {@link #validated()} which refuses it with every problem at once, each naming its path as in the
 * plan JSON (e.g. {@code components[1].tiers[2].from}).
 *
 * @param planId     the plan's id ({@code [a-z0-9][a-z0-9._-]{0,79}})
 * @param version    the version number, from 1
 * @param name       a name for people
 * @param effective  the half-open dates the version is in force
 * @param currency   the payout currency; every amount is in its minor units
 * @param creditOn   which credit event earns: BOOKING, INVOICE or PAYMENT (reversals always count)
 * @param payMix     base / target incentive split of OTE
 * @param components the components, in statement order
 * @param settlement the plan JSON's top-level {@code "settlement"} object, kept verbatim as JSON
 *                   text and not interpreted here (settlement defines its content)
 */
public record PlanVersion(String planId, int version, String name, DateRange effective, Currency currency,
                          CreditEvent creditOn, PayMix payMix, List<PlanComponent> components,
                          Optional<String> settlement) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    /** Rates (flat, tier, pool, SPIFF) lie in 0–100%. */
    public static final long MAX_RATE_PPM = Rate.ONE;
    /** Attainment figures and payout-curve percentages lie in 0–1,000%. */
    public static final long MAX_PERCENT_PPM = 10 * Rate.ONE;

    public PlanVersion {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(creditOn, "creditOn");
        Objects.requireNonNull(payMix, "payMix");
        components = List.copyOf(components);
        Objects.requireNonNull(settlement, "settlement");
    }

    /** The subject used in rejections, {@code compensation-plan:<id>@v<version>}. */
    public String subject() {
        return "compensation-plan:" + planId + "@v" + version;
    }

    /** The minor-unit digits of the currency. */
    public int fractionDigits() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The component with this id. */
    public Optional<PlanComponent> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether no tiered component has a falling rate (the plan has no decelerator). */
    public boolean withoutDecelerators() {
        return components.stream().noneMatch(c -> c instanceof Tiered t && !t.nonDecreasing());
    }

    /** This version, or every reason it cannot be used, each with its JSON path. */
    public Either<Rejected, PlanVersion> validated() {
        String s = subject();
        Checks checks = Checks.start()
                .require(ID.matcher(planId).matches(), () -> Rejection.of(PLAN_INVALID, s, "id",
                        "a plan id is 1-80 lower-case letters, digits, '.', '_' or '-'"))
                .require(version >= 1, () -> Rejection.of(PLAN_INVALID, s, "version", "versions are whole numbers from 1"))
                .require(!name.isBlank() && name.length() <= 200, () -> Rejection.of(PLAN_INVALID, s, "name",
                        "a name is 1-200 characters"))
                .require(!creditOn.reversal(), () -> Rejection.of(PLAN_INVALID, s, "creditOn",
                        "a plan earns on booking, invoice or payment"))
                .require(payMix.sumsTo100(), () -> Rejection.of(PAY_MIX_NOT_100, s, "payMix",
                                "base and incentive shares must sum to exactly 100%")
                        .withEvidence("base", Rate.percent(payMix.basePpm()))
                        .withEvidence("incentive", Rate.percent(payMix.incentivePpm())))
                .require(!components.isEmpty(), () -> Rejection.of(PLAN_INVALID, s, "components", "a plan has components"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            PlanComponent c = components.get(i);
            String at = "components[" + i + "]";
            checks = checks.require(ID.matcher(c.id()).matches(), () -> Rejection.of(PLAN_INVALID, s, at + ".id",
                            "a component id is 1-80 lower-case letters, digits, '.', '_' or '-'"))
                    .require(ids.add(c.id()), () -> Rejection.of(DUPLICATE_COMPONENT, s, at + ".id",
                            "a second component with this id").withEvidence("id", c.id()));
            checks = limits(checks, s, at, c.limits());
            checks = component(checks, s, at, c);
        }
        return checks.thenRight(() -> this);
    }

    private static Checks component(Checks checks, String s, String at, PlanComponent c) {
        if (c instanceof FlatRate f) {
            return rate(checks, s, at + ".rate", f.ratePpm());
        }
        if (c instanceof Tiered t) {
            return tiers(checks, s, at, t);
        }
        if (c instanceof PayoutCurve p) {
            Checks out = checks.require(!p.points().isEmpty(), () -> Rejection.of(PLAN_INVALID, s, at + ".points",
                    "a payout curve has points"));
            for (int i = 0; i < p.points().size(); i++) {
                CurvePoint point = p.points().get(i);
                String pt = at + ".points[" + i + "]";
                long previous = i == 0 ? -1 : p.points().get(i - 1).attainmentPpm();
                out = percent(out, s, pt + ".attainment", point.attainmentPpm());
                out = percent(out, s, pt + ".payout", point.payoutPpm());
                out = out.require(point.attainmentPpm() > previous, () -> Rejection.of(PLAN_INVALID, s, pt + ".attainment",
                        "curve points rise strictly in attainment"));
            }
            return out;
        }
        if (c instanceof Breakthrough b) {
            Checks out = percent(checks, s, at + ".minAttainment", b.minAttainmentPpm())
                    .require(b.fixedMinor().isPresent() != b.percentOfTargetPpm().isPresent(), () -> Rejection.of(PLAN_INVALID,
                            s, at, "a breakthrough bonus is either fixed or a percentage of target incentive, exactly one"));
            if (b.fixedMinor().isPresent()) {
                out = nonNegative(out, s, at + ".fixed", b.fixedMinor().get());
            }
            return b.percentOfTargetPpm().isPresent()
                    ? percent(out, s, at + ".percentOfTargetIncentive", b.percentOfTargetPpm().get()) : out;
        }
        if (c instanceof TeamPool p) {
            return rate(checks, s, at + ".rate", p.ratePpm());
        }
        if (c instanceof Spiff sp) {
            Checks out = checks.require(sp.from().isBefore(sp.until()), () -> Rejection.of(PLAN_INVALID, s, at + ".until",
                            "a SPIFF's dates end after they start"))
                    .require(sp.ratePpm().isPresent() != sp.perDealMinor().isPresent(), () -> Rejection.of(PLAN_INVALID, s, at,
                            "a SPIFF pays either a rate or an amount per deal, exactly one"));
            if (sp.ratePpm().isPresent()) {
                out = rate(out, s, at + ".rate", sp.ratePpm().get());
            }
            return sp.perDealMinor().isPresent() ? nonNegative(out, s, at + ".perDeal", sp.perDealMinor().get()) : out;
        }
        return checks;
    }

    private static Checks tiers(Checks checks, String s, String at, Tiered t) {
        List<Tier> tiers = t.tiers();
        if (tiers.isEmpty()) {
            return checks.refuse(Rejection.of(PLAN_INVALID, s, at + ".tiers", "a tiered component has tiers"));
        }
        Checks out = checks;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String tp = at + ".tiers[" + i + "]";
            long expectedFrom = i == 0 ? 0 : tiers.get(i - 1).to();
            out = rate(out, s, tp + ".rate", tier.ratePpm())
                    .require(tier.from() >= expectedFrom, () -> Rejection.of(TIER_OVERLAP, s, tp + ".from",
                            "tiers are half-open [from, to) and must not overlap").withEvidence("expected from", expectedFrom)
                            .withEvidence("from", tier.from()))
                    .require(tier.from() <= expectedFrom, () -> Rejection.of(TIER_GAP, s, tp + ".from",
                            expectedFrom == 0 ? "the first tier starts at 0" : "a tier starts where the previous one ends")
                            .withEvidence("expected from", expectedFrom).withEvidence("from", tier.from()))
                    .require(tier.to() > tier.from(), () -> Rejection.of(PLAN_INVALID, s, tp + ".to", "a tier ends after it starts"))
                    .require(tier.openEnded() || i < tiers.size() - 1, () -> Rejection.of(TIER_GAP, s, tp + ".to",
                            "the last tier is open-ended (no \"to\")"))
                    .require(!tier.openEnded() || i == tiers.size() - 1, () -> Rejection.of(TIER_GAP, s, tp + ".to",
                            "only the last tier is open-ended"));
            if (t.basis() == Basis.ATTAINMENT) {
                out = out.require(tier.openEnded() || tier.to() <= MAX_PERCENT_PPM, () -> Rejection.of(PLAN_INVALID, s,
                        tp + ".to", "attainment bounds lie in 0-1000%"));
            }
        }
        return out;
    }

    private static Checks limits(Checks checks, String s, String at, Limits limits) {
        Checks out = checks;
        if (limits.gatePpm().isPresent()) {
            out = percent(out, s, at + ".gate", limits.gatePpm().get());
        }
        out = limit(out, s, at + ".floor", limits.floor());
        out = limit(out, s, at + ".cap", limits.periodCap());
        out = limit(out, s, at + ".yearCap", limits.yearCap());
        if (limits.floor().isPresent() && limits.periodCap().isPresent()
                && limits.floor().get().multipleOfTargetIncentive() == limits.periodCap().get().multipleOfTargetIncentive()) {
            out = out.require(limits.floor().get().value() <= limits.periodCap().get().value(), () -> Rejection.of(
                    PLAN_INVALID, s, at + ".floor", "a floor above the cap can never be paid"));
        }
        return out;
    }

    private static Checks limit(Checks checks, String s, String at, Optional<Limit> limit) {
        return limit.isEmpty() ? checks : nonNegative(checks, s, at, limit.get().value());
    }

    private static Checks nonNegative(Checks checks, String s, String at, long value) {
        return checks.require(value >= 0, () -> Rejection.of(NEGATIVE_AMOUNT, s, at, "never negative")
                .withEvidence("found", value));
    }

    private static Checks rate(Checks checks, String s, String at, long ppm) {
        return checks.require(ppm >= 0 && ppm <= MAX_RATE_PPM, () -> Rejection.of(RATE_OUT_OF_RANGE, s, at,
                "rates lie in 0-100% (0 to 1 as a fraction)").withEvidence("rate", Rate.fraction(ppm).toPlainString()));
    }

    private static Checks percent(Checks checks, String s, String at, long ppm) {
        return checks.require(ppm >= 0 && ppm <= MAX_PERCENT_PPM, () -> Rejection.of(RATE_OUT_OF_RANGE, s, at,
                "percentages lie in 0-1000%").withEvidence("found", Rate.percent(ppm)));
    }
}
