package dev.saleskernel.benchmarks;

import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.LineItem;
import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.StageRoles;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-written baselines for the funnel benchmarks: a plain enum-and-switch state machine doing
 * the same guard checks as {@link Opportunity#move} on the seeds pipeline, and plain loops over
 * plain arrays computing the report's headline figures.
 */
public final class FunnelBaselines {
    static final Currency CNY = Currency.getInstance("CNY");
    static final PipelineDefinition SEEDS = DefaultPipelines.seeds();
    static final ActorId REP = ActorId.of("rep-1");

    private FunnelBaselines() {
    }

    /** The seeds stages as an enum. */
    public enum Stage { LEAD, CONTACT, NEEDS, PROPOSAL, QUOTATION, NEGOTIATION, WON, LOST }

    /** A stage visit of the baseline. */
    public record Visit(Stage stage, Instant enteredAt, ActorId enteredBy, Instant leftAt, ActorId leftBy) {
    }

    /** The baseline's immutable deal: the fields the guards read, the pipeline version it runs on, and the history. */
    public record Deal(String id, int pipelineVersion, Stage stage, long amountMinor, LocalDate expectedClose,
                       String nextStep, int lineCount, boolean hasVisit, int probability, Visit[] history) {
    }

    /** How a move relates to the stage order (the library's {@code PipelineDefinition.Direction}). */
    public enum Direction { NEXT, SKIP_AHEAD, BACK }

    /** The baseline's past-tense event, the counterpart of {@code StageAdvanced}. */
    public record Moved(String dealId, Stage from, Stage to, Direction direction, ActorId actor, Instant at) {
    }

    /** The baseline's counterpart of {@code Change}: the new state and its event. */
    public record Transition(Deal state, Moved event) {
    }

    /** Allowed moves by ordinal, precomputed like the library's move table: every open stage to every other open one. */
    private static final boolean[][] ALLOWED = new boolean[Stage.values().length][Stage.values().length];

    static {
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                ALLOWED[from.ordinal()][to.ordinal()] = from != to && from.ordinal() <= Stage.NEGOTIATION.ordinal()
                        && to.ordinal() <= Stage.NEGOTIATION.ordinal();
            }
        }
    }

    /**
     * The same guards as the library, in the same order: the pipeline version, the deal open, the
     * target not terminal, the move allowed by the table, then the target's entry criteria (no
     * move of the seeds pipeline names a role or a during-input). Returns a {@link Transition}
     * when allowed, else every unmet reason as text.
     */
    public static Object move(Deal deal, int pipelineVersion, Stage to, boolean checklistConfirmed, ActorId actor,
                              Instant at) {
        if (deal.pipelineVersion() != pipelineVersion) {
            return "pipeline mismatch";
        }
        if (deal.stage() == Stage.WON || deal.stage() == Stage.LOST) {
            return "closed";
        }
        if (to == Stage.WON || to == Stage.LOST || !ALLOWED[deal.stage().ordinal()][to.ordinal()]) {
            return "move not allowed";
        }
        StringBuilder reasons = null;
        switch (to) {
            case NEEDS -> {
                if (deal.expectedClose() == null) {
                    reasons = append(reasons, "expectedCloseDate");
                }
                if (!deal.hasVisit()) {
                    reasons = append(reasons, "visit");
                }
            }
            case PROPOSAL -> {
                if (deal.lineCount() == 0) {
                    reasons = append(reasons, "lines");
                }
                if (!checklistConfirmed) {
                    reasons = append(reasons, "needs-confirmed");
                }
            }
            case QUOTATION -> {
                if (deal.amountMinor() <= 0) {
                    reasons = append(reasons, "amount");
                }
            }
            case NEGOTIATION -> {
                if (deal.nextStep().isBlank()) {
                    reasons = append(reasons, "nextStep");
                }
            }
            default -> {
            }
        }
        if (reasons != null) {
            return reasons.toString();
        }
        Visit[] history = Arrays.copyOf(deal.history(), deal.history().length + 1);
        Visit last = history[history.length - 2];
        history[history.length - 2] = new Visit(last.stage(), last.enteredAt(), last.enteredBy(), at, actor);
        history[history.length - 1] = new Visit(to, at, actor, null, null);
        int probability = switch (to) {
            case LEAD -> 10;
            case CONTACT -> 20;
            case NEEDS -> 40;
            case PROPOSAL -> 60;
            case QUOTATION -> 75;
            case NEGOTIATION -> 90;
            case WON -> 100;
            case LOST -> 0;
        };
        Direction direction = to.ordinal() == deal.stage().ordinal() + 1 ? Direction.NEXT
                : to.ordinal() > deal.stage().ordinal() ? Direction.SKIP_AHEAD : Direction.BACK;
        Deal moved = new Deal(deal.id(), deal.pipelineVersion(), to, deal.amountMinor(), deal.expectedClose(),
                deal.nextStep(), deal.lineCount(), deal.hasVisit(), probability, history);
        return new Transition(moved, new Moved(deal.id(), deal.stage(), to, direction, actor, at));
    }

    private static StringBuilder append(StringBuilder reasons, String reason) {
        return (reasons == null ? new StringBuilder() : reasons.append(", ")).append(reason);
    }

    /** An opportunity in proposal that meets every criterion of the seeds pipeline, after {@code moves} moves. */
    public static Opportunity opportunityInProposal(int moves) {
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        Opportunity o = Opportunity.create(TenantId.of("acme"), OpportunityDraft.of("o-1", "acct", REP, CNY,
                List.of(new LineItem("p", BigDecimal.ONE, Money.of("1000.00", CNY), BigDecimal.ZERO))),
                SEEDS, false, REP, t).get().state();
        o = o.reschedule(LocalDate.parse("2026-06-30"), REP, t).get().state();
        o = o.linkActivity(new ActivityRef("a", "visit", t), REP, t).get().state();
        o = o.setNextStep("sign", REP, t).get().state();
        for (int i = 0; i < moves; i++) {
            o = o.move(SEEDS, i % 2 == 0 ? "needs-analysis" : "initial-contact", MoveInput.NONE, StageRoles.nobody(), REP,
                    t.plusSeconds(i)).get().state();
        }
        return o.move(SEEDS, "proposal", MoveInput.confirming("needs-confirmed"), StageRoles.nobody(), REP,
                t.plusSeconds(moves)).get().state();
    }

    /** The baseline's deal with the same fields and history length as {@link #opportunityInProposal}. */
    public static Deal dealInProposal(Opportunity o) {
        Visit[] history = o.history().stream().map(v -> new Visit(Stage.values()[SEEDS.indexOf(v.stageId())],
                v.enteredAt(), v.enteredBy(), v.leftAt().orElse(null), v.leftBy().orElse(null))).toArray(Visit[]::new);
        return new Deal(o.id(), o.pipelineVersion(), Stage.PROPOSAL, o.amount().toMinorUnits(), o.expectedCloseDate().orElse(null), o.nextStep(),
                o.lines().size(), true, 60, history);
    }

    /** The same random data twice: as the library's read model and as the baseline's plain columns. */
    public record Generated(FunnelData data, Columns columns) {
    }

    /** Random funnel data: n opportunities over the seeds stages, 5–7 history entries each (about 6). */
    public static Generated randomFunnel(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = SEEDS.openStages().size();
        FunnelData.Builder builder = FunnelData.builder(SEEDS, CNY, n);
        String[][] owners = new String[50][];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = new String[] {"rep-" + i, "team-" + i % 7, "seeds", "line-" + i % 3, "channel-" + i % 4};
        }
        int[] maxDays = new int[k + 2];
        boolean[] openCounts = new boolean[k + 2];
        for (int s = 0; s < k; s++) {
            maxDays[s] = SEEDS.openStages().get(s).maxDaysInStage();
            openCounts[s] = SEEDS.openStages().get(s).forecastCategory() != dev.saleskernel.funnel.ForecastCategory.OMITTED;
        }
        byte[] status = new byte[n];
        int[] current = new int[n];
        long[] createdAt = new long[n];
        long[] closedAt = new long[n];
        long[] amount = new long[n];
        int[] probability = new int[n];
        int[] historyStart = new int[n + 1];
        int[] historyStage = new int[n * 7];
        long[] historyEntered = new long[n * 7];
        int h = 0;
        int[] stages = new int[7];
        long[] entered = new long[7];
        long[] left = new long[7];
        for (int i = 0; i < n; i++) {
            long t = 1_700_000_000L + r.nextInt(365) * 86_400L;
            long created = t;
            int visits = 5 + r.nextInt(3);
            int stage = 0;
            for (int v = 0; v < visits - 1; v++) {
                stages[v] = stage;
                entered[v] = t;
                t += r.nextInt(30 * 86_400);
                left[v] = t;
                stage = Math.min(k - 1, stage + 1);
            }
            int outcome = r.nextInt(3);
            int last = outcome == 0 ? stage : outcome == 1 ? k : k + 1;
            stages[visits - 1] = last;
            entered[visits - 1] = t;
            left[visits - 1] = -1;
            int p = outcome == 0 ? SEEDS.openStages().get(stage).defaultProbability().intValue() * 100
                    : outcome == 1 ? 10_000 : 0;
            long a = 100_00L + r.nextInt(10_000_000);
            builder.add("o-" + i, created, outcome == 0 ? -1 : t, (byte) outcome, last, a, p,
                    owners[r.nextInt(owners.length)], r.nextInt(4), r.nextInt(6),
                    Arrays.copyOf(stages, visits), Arrays.copyOf(entered, visits), Arrays.copyOf(left, visits));
            status[i] = (byte) outcome;
            current[i] = last;
            createdAt[i] = created;
            closedAt[i] = outcome == 0 ? -1 : t;
            amount[i] = a;
            probability[i] = p;
            historyStart[i] = h;
            System.arraycopy(stages, 0, historyStage, h, visits);
            System.arraycopy(entered, 0, historyEntered, h, visits);
            h += visits;
        }
        historyStart[n] = h;
        return new Generated(builder.build(), new Columns(k, maxDays, openCounts, status, current, createdAt, closedAt,
                amount, probability, historyStart, historyStage, historyEntered));
    }

    /** The headline figures, computed by plain loops over plain arrays. */
    public record Headline(long[] reached, long weightedMinor, long openPipelineMinor, long velocityMinor, int stalled) {
    }

    /** Plain arrays of the same data as a {@link FunnelData}, for the baseline report. */
    public record Columns(int k, int[] maxDays, boolean[] openCounts, byte[] status, int[] stage, long[] created,
                          long[] closed, long[] amount, int[] probability, int[] historyStart, int[] historyStage,
                          long[] entered) {
    }

    /** Conversion (reached per stage), weighted pipeline, open pipeline, velocity and stalled, in one plain loop. */
    public static Headline report(Columns c, long asOf, int qualifiedFrom) {
        long[] maxCount = new long[c.k() + 1];
        long weightedHundredths = 0;
        long open = 0;
        long won = 0;
        long lost = 0;
        long wonAmount = 0;
        long cycle = 0;
        long qualified = 0;
        int stalled = 0;
        for (int i = 0; i < c.status().length; i++) {
            int max = 0;
            for (int h = c.historyStart()[i]; h < c.historyStart()[i + 1]; h++) {
                int s = c.historyStage()[h];
                if (s <= c.k() && s > max) {
                    max = s;
                }
            }
            maxCount[max]++;
            if (c.status()[i] == 1) {
                won++;
                wonAmount += c.amount()[i];
                cycle += c.closed()[i] - c.created()[i];
            } else if (c.status()[i] == 2) {
                lost++;
            } else {
                int s = c.stage()[i];
                weightedHundredths += c.amount()[i] * c.probability()[i];
                if (c.openCounts()[s]) {
                    open += c.amount()[i];
                }
                if (s >= qualifiedFrom) {
                    qualified++;
                }
                if (c.maxDays()[s] > 0 && asOf - c.entered()[c.historyStart()[i + 1] - 1] > c.maxDays()[s] * 86_400L) {
                    stalled++;
                }
            }
        }
        long[] reached = new long[c.k() + 1];
        long running = 0;
        for (int s = c.k(); s >= 0; s--) {
            running += maxCount[s];
            reached[s] = running;
        }
        long weighted = Math.floorDiv(weightedHundredths + 5_000, 10_000);
        long remainder = Math.floorMod(weightedHundredths, 10_000);
        if (remainder == 5_000 && (weighted & 1) == 1) {
            weighted--;
        }
        BigDecimal velocity = new BigDecimal(qualified).multiply(new BigDecimal(wonAmount)).multiply(new BigDecimal(won))
                .multiply(new BigDecimal(86_400)).divide(new BigDecimal(won + lost).multiply(new BigDecimal(cycle)), 0,
                        java.math.RoundingMode.HALF_EVEN);
        return new Headline(reached, weighted, open, velocity.longValueExact(), stalled);
    }
}
