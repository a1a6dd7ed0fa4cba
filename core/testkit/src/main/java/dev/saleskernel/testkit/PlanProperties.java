package dev.saleskernel.testkit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.application.JsonDocuments;
import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.CreditKind;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.compensation.Rate;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;

/**
 * Ready-made properties of a compensation plan, checked with QuickTheories on generated
 * participants and credits. A host runs them against its own plan JSON in a few lines:
 *
 * <pre>{@code
 * PlanProperties.of(Files.readString(Path.of("plans/field-sales.json")), quarter)
 *         .withExamples(1000)
 *         .checkAll();
 * }</pre>
 *
 * A failing property throws an {@link AssertionError} naming the property and the falsifying
 * example (QuickTheories shrinks and reports the seed).
 */
public final class PlanProperties {
    private final PlanVersion plan;
    private final Period period;
    private final int examples;
    private final int maxLines;

    private PlanProperties(PlanVersion plan, Period period, int examples, int maxLines) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.period = Objects.requireNonNull(period, "period");
        this.examples = examples;
        this.maxLines = maxLines;
    }

    /** The properties of a plan given as plan JSON; a refused document throws with every reason. */
    public static PlanProperties of(String planJson, Period period) {
        Either<Rejected, PlanVersion> plan = JsonDocuments.compensationPlan(planJson);
        if (plan.isLeft()) {
            throw new IllegalArgumentException("the plan JSON is refused: " + plan.getLeft().reasons());
        }
        return of(plan.get(), period);
    }

    /** The properties of a plan version. */
    public static PlanProperties of(PlanVersion plan, Period period) {
        return new PlanProperties(plan, period, 1000, 60);
    }

    /** With this many generated examples per property (default 1,000). */
    public PlanProperties withExamples(int count) {
        return new PlanProperties(plan, period, count, maxLines);
    }

    /** With up to this many credit lines per example (default 60). */
    public PlanProperties withMaxLines(int lines) {
        return new PlanProperties(plan, period, examples, lines);
    }

    /** Every property below; {@link #payoutNeverDecreasesWhenCreditGrows()} only when the plan has no decelerator. */
    public void checkAll() {
        if (plan.withoutDecelerators()) {
            payoutNeverDecreasesWhenCreditGrows();
        }
        capsAreNeverExceeded();
        dealPayoutsAndPoolsConserveEveryMinorUnit();
        resultDoesNotDependOnCreditOrder();
        recomputingChangesNothing();
    }

    /**
     * Adding a positive credit line for a participant never lowers any of that participant's
     * components (team pools excepted: a pool shared by largest remainder may move a unit between
     * members). Holds for plans without decelerators.
     */
    public void payoutNeverDecreasesWhenCreditGrows() {
        check("payout never decreases when credit grows", longs().between(1, 10_000_000), (input, extra) -> {
            CompensationRun before = run(input.participants(), input.credits(), input);
            for (Participant p : input.participants()) {
                CreditBatch.Builder more = CreditBatch.builder(input.credits().size() + 1);
                input.credits().lines().forEach(l -> more.add(l.participantId(), l.dealId(), l.productId(), l.date(), l.event(),
                        l.kind(), l.amountMinor()));
                more.add(p.id(), "extra-deal", "extra-product", period.start(), plan.creditOn(), CreditKind.DIRECT, extra);
                CompensationRun after = run(input.participants(), more.build().get(), input);
                for (PlanComponent c : plan.components()) {
                    if (!(c instanceof PlanComponent.TeamPool)) {
                        require(after.componentMinor(p.id(), c.id()) >= before.componentMinor(p.id(), c.id()),
                                c.id() + " of " + p.id() + " fell from " + before.componentMinor(p.id(), c.id()) + " to "
                                        + after.componentMinor(p.id(), c.id()) + " when credit grew by " + extra);
                    }
                }
            }
        });
    }

    /** No component ever pays above its period cap, or above its plan-year cap less what was earned earlier. */
    public void capsAreNeverExceeded() {
        check("caps are never exceeded", longs().between(0, 0), (input, unused) -> {
            CompensationRun run = run(input.participants(), input.credits(), input);
            for (Participant p : input.participants()) {
                long ti = periodTargetIncentive(p);
                for (PlanComponent c : plan.components()) {
                    long amount = run.componentMinor(p.id(), c.id());
                    c.limits().periodCap().ifPresent(cap -> require(amount <= cap.resolve(ti),
                            c.id() + " of " + p.id() + " paid " + amount + " above its cap " + cap.resolve(ti)));
                    c.limits().yearCap().ifPresent(cap -> require(amount <= Math.max(0, cap.resolve(ti) - p.yearToDate(c.id())),
                            c.id() + " of " + p.id() + " paid " + amount + " above its plan-year cap"));
                }
            }
        });
    }

    /** Deal payouts sum exactly to each deal-attributable component; team pool shares sum exactly to the pool. */
    public void dealPayoutsAndPoolsConserveEveryMinorUnit() {
        check("deal payouts and pools conserve every minor unit", longs().between(0, 0), (input, unused) -> {
            CompensationRun run = run(input.participants(), input.credits(), input);
            for (PeriodEarnings earnings : run.earnings()) {
                for (PeriodEarnings.ComponentEarning component : earnings.components()) {
                    long paid = earnings.dealPayouts().stream().filter(d -> d.componentId().equals(component.componentId()))
                            .mapToLong(PeriodEarnings.DealPayout::amountMinor).sum();
                    require(!component.dealAttributable() || paid == component.amountMinor(), component.componentId() + " of "
                            + earnings.participantId() + " is " + component.amountMinor() + " but its deals sum to " + paid);
                }
            }
            for (PlanComponent c : plan.components()) {
                if (c instanceof PlanComponent.TeamPool pool && pool.limits().equals(PlanComponent.Limits.NONE)) {
                    for (var team : input.teams()) {
                        long revenue = 0;
                        long shared = 0;
                        for (Participant p : input.participants()) {
                            if (p.teamId().filter(team.id()::equals).isPresent()) {
                                shared += run.componentMinor(p.id(), c.id());
                                String id = p.id();
                                revenue += input.credits().lines().stream().filter(l -> l.participantId().equals(id)
                                        && l.kind().teamRevenue() && counts(l)).mapToLong(CreditBatch.CreditLine::amountMinor).sum();
                            }
                        }
                        long expected = Rate.apply(Math.max(0, revenue - team.targetMinor()), pool.ratePpm());
                        require(shared == expected, "team " + team.id() + " shared " + shared + " of a pool of " + expected);
                    }
                }
            }
        });
    }

    /** The same credits in another order give the same earnings, to the deal payout. */
    public void resultDoesNotDependOnCreditOrder() {
        check("the result does not depend on credit order", longs().all(), (input, shuffleSeed) -> {
            List<Integer> order = new ArrayList<>(IntStream.range(0, input.credits().size()).boxed().toList());
            Collections.shuffle(order, new Random(shuffleSeed));
            CreditBatch shuffled = input.credits().permuted(order.stream().mapToInt(Integer::intValue).toArray());
            require(run(input.participants(), input.credits(), input).earnings()
                    .equals(run(input.participants(), shuffled, input).earnings()), "reordering the credits changed the earnings");
        });
    }

    /** Running twice on the same inputs gives the same earnings. */
    public void recomputingChangesNothing() {
        check("recomputing changes nothing", longs().between(0, 0), (input, unused) -> require(
                run(input.participants(), input.credits(), input).earnings()
                        .equals(run(input.participants(), input.credits(), input).earnings()), "a second run differed"));
    }

    private boolean counts(CreditBatch.CreditLine line) {
        return period.contains(line.date()) && (line.event() == plan.creditOn() || line.event().reversal());
    }

    private long periodTargetIncentive(Participant p) {
        return CommissionCalculator.periodTargetIncentive(plan, p.annualOteMinor(), period);
    }

    private CompensationRun run(List<Participant> participants, CreditBatch credits, CompensationGens.PlanInput input) {
        Either<Rejected, CompensationRun> run = CommissionCalculator.run(plan, period, participants, input.teams(), credits);
        if (run.isLeft()) {
            throw new AssertionError("the run was refused: " + run.getLeft().reasons());
        }
        return run.get();
    }

    private interface Body<T> {
        void check(CompensationGens.PlanInput input, T extra);
    }

    private <T> void check(String name, Gen<T> extras, Body<T> body) {
        try {
            qt().withExamples(examples).withShrinkCycles(20).forAll(CompensationGens.inputs(plan, period, maxLines), extras)
                    .checkAssert(body::check);
        } catch (AssertionError failure) {
            throw new AssertionError("property \"" + name + "\" failed for plan " + plan.planId() + " v" + plan.version()
                    + ": " + failure.getMessage(), failure);
        }
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new AssertionError(message);
        }
    }
}
