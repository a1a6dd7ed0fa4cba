package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.CompensationRejection.*;

import dev.saleskernel.money.Allocation;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns transactions into credit lines.
 *
 * <ul>
 *   <li>Idempotent by source id: a repeated identical transaction is credited once; the same
 *       source id with different content is refused ({@link CompensationRejection#SOURCE_CONFLICT}).</li>
 *   <li>Revenue splits: percentages must sum to exactly 100; the amount is split by them with the
 *       largest-remainder method, so the split lines sum exactly to the transaction amount. One
 *       rep at 100% gets a {@link CreditKind#DIRECT} line, several get {@link CreditKind#SPLIT}
 *       lines. Split credit counts toward each rep's attainment at the split share.</li>
 *   <li>Overlay and partner credit: {@code round(amount × percent / 100)} HALF_EVEN each, any
 *       positive percentage up to 1,000%, not part of the 100%.</li>
 *   <li>Roll-up: with an {@link OrgStructure}, every manager of a unit a split rep belongs to on
 *       the transaction date, or of any unit above it on that date, gets a {@link CreditKind#ROLLUP}
 *       line equal to that rep's split line (once per rep and manager; never to the rep itself).</li>
 *   <li>Returns and cancellations are credited negatively.</li>
 * </ul>
 * Every malformed transaction is reported at once, as {@code transactions[i].field}.
 */
public final class Crediting {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(1000);
    private static final String SUBJECT = "crediting";

    private Crediting() {
    }

    /** Credits the transactions without roll-up. */
    public static Either<Rejected, CreditBatch> credit(List<Transaction> transactions) {
        return credit(transactions, Optional.empty());
    }

    /** Credits the transactions, rolling credit up the effective-dated hierarchy when {@code org} is given. */
    public static Either<Rejected, CreditBatch> credit(List<Transaction> transactions, Optional<OrgStructure> org) {
        Checks checks = Checks.start();
        Map<String, Transaction> bySource = new HashMap<>();
        CreditBatch.Builder batch = CreditBatch.builder(transactions.size() * 2);
        for (int i = 0; i < transactions.size(); i++) {
            Transaction t = transactions.get(i);
            String at = "transactions[" + i + "]";
            Transaction earlier = bySource.putIfAbsent(t.sourceId(), t);
            if (earlier != null) {
                checks = checks.require(earlier.equals(t), () -> Rejection.of(SOURCE_CONFLICT, SUBJECT, at + ".sourceId",
                        "the same source id arrived before with different content").withEvidence("sourceId", t.sourceId()));
                continue;
            }
            Checks one = check(t, at);
            checks = checks.include(one.thenValid(() -> ""));
            if (one.passed()) {
                add(t, org, batch);
            }
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        return batch.build();
    }

    private static Checks check(Transaction t, String at) {
        Checks checks = Checks.start()
                .require(t.amountMinor() >= 0 && t.amountMinor() <= CreditBatch.MAX_LINE_MINOR, () -> Rejection.of(CREDIT_INVALID,
                        SUBJECT, at + ".amount", "a transaction amount lies in 0 to 10^15 minor units (reversals give the amount reversed)"))
                .require(!t.splits().isEmpty(), () -> Rejection.of(SPLITS_NOT_100, SUBJECT, at + ".splits",
                        "a transaction is credited to at least one rep"));
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> reps = new LinkedHashSet<>();
        for (int s = 0; s < t.splits().size(); s++) {
            Transaction.Share split = t.splits().get(s);
            String sp = at + ".splits[" + s + "]";
            sum = sum.add(split.percent());
            checks = share(checks, split, sp, HUNDRED)
                    .require(reps.add(split.participantId()), () -> Rejection.of(CREDIT_INVALID, SUBJECT, sp + ".participantId",
                            "a rep appears once in a split"));
        }
        BigDecimal total = sum;
        checks = checks.require(t.splits().isEmpty() || total.compareTo(HUNDRED) == 0, () -> Rejection.of(SPLITS_NOT_100, SUBJECT,
                at + ".splits", "split percentages sum to exactly 100").withEvidence("sum", total.toPlainString()));
        for (int s = 0; s < t.overlays().size(); s++) {
            checks = share(checks, t.overlays().get(s), at + ".overlays[" + s + "]", MAX_PERCENT);
        }
        if (t.partner().isPresent()) {
            checks = share(checks, t.partner().get(), at + ".partner", MAX_PERCENT);
        }
        return checks;
    }

    private static Checks share(Checks checks, Transaction.Share share, String at, BigDecimal max) {
        BigDecimal percent = share.percent();
        return checks.require(!share.participantId().isBlank(), () -> Rejection.of(CREDIT_INVALID, SUBJECT, at + ".participantId",
                        "a share names its participant"))
                .require(percent.signum() > 0 && percent.compareTo(max) <= 0 && percent.stripTrailingZeros().scale() <= 4,
                        () -> Rejection.of(CREDIT_INVALID, SUBJECT, at + ".percent",
                                "a share is above 0 and at most " + max.toPlainString() + "%, with at most 4 decimal places")
                                .withEvidence("percent", percent.toPlainString()));
    }

    private static void add(Transaction t, Optional<OrgStructure> org, CreditBatch.Builder batch) {
        long sign = t.event().reversal() ? -1 : 1;
        List<Transaction.Share> splits = t.splits();
        long[] weights = new long[splits.size()];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = hundredthsOfBasisPoint(splits.get(s).percent());
        }
        long[] parts = Allocation.allocate(t.amountMinor(), weights);
        CreditKind kind = splits.size() == 1 ? CreditKind.DIRECT : CreditKind.SPLIT;
        for (int s = 0; s < parts.length; s++) {
            String rep = splits.get(s).participantId();
            line(batch, t, rep, kind, sign * parts[s]);
            if (org.isPresent()) {
                for (String manager : managersAbove(org.get(), rep, t)) {
                    line(batch, t, manager, CreditKind.ROLLUP, sign * parts[s]);
                }
            }
        }
        for (Transaction.Share overlay : t.overlays()) {
            line(batch, t, overlay.participantId(), CreditKind.OVERLAY, sign * percentOf(t.amountMinor(), overlay.percent()));
        }
        t.partner().ifPresent(p -> line(batch, t, p.participantId(), CreditKind.PARTNER, sign * percentOf(t.amountMinor(), p.percent())));
    }

    private static Set<String> managersAbove(OrgStructure org, String rep, Transaction t) {
        Set<String> managers = new LinkedHashSet<>();
        for (Membership membership : org.unitsOf(rep, t.date())) {
            for (String unit : org.lineageOn(membership.unitId(), t.date())) {
                for (Membership member : org.membersOn(unit, t.date())) {
                    if (member.role() == Role.MANAGER && !member.memberId().equals(rep)) {
                        managers.add(member.memberId());
                    }
                }
            }
        }
        return managers;
    }

    private static void line(CreditBatch.Builder batch, Transaction t, String participant, CreditKind kind, long amount) {
        batch.add(participant, t.dealId(), t.productId(), t.date(), t.event(), kind, amount);
    }

    /** Percent with up to 4 decimals as whole millionths of one (40 → 400,000). */
    private static long hundredthsOfBasisPoint(BigDecimal percent) {
        return percent.movePointRight(4).longValueExact();
    }

    private static long percentOf(long amount, BigDecimal percent) {
        return Rate.apply(amount, hundredthsOfBasisPoint(percent));
    }
}
