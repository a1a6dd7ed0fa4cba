package dev.saleskernel.target;

import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable ledger of actual facts, idempotent by source id: recording the same fact again
 * changes nothing; a different fact under a known source id is refused. Corrections are
 * reversing facts ({@link ActualFact#reversal}); a fact is reversed at most once and exactly. The
 * ledger keeps {@code Σ |amount|} within a {@code long} (a fact that would pass it is refused with
 * {@code target/AMOUNT_OUT_OF_RANGE}), so crediting its facts never overflows.
 */
public final class Actuals {
    private static final Actuals EMPTY = new Actuals(Map.of(), 0);
    private final Map<String, ActualFact> bySource;
    private final long absoluteTotal;

    private Actuals(Map<String, ActualFact> bySource, long absoluteTotal) {
        this.bySource = Collections.unmodifiableMap(bySource);
        this.absoluteTotal = absoluteTotal;
    }

    /**
     * {@code Σ |amount|} over every fact in the ledger; at most {@link Long#MAX_VALUE}, so any sum of
     * its facts' amounts (a member's, a unit's, a period's) fits in a {@code long} exactly.
     */
    public long absoluteTotal() {
        return absoluteTotal;
    }

    public static Actuals empty() {
        return EMPTY;
    }

    public Collection<ActualFact> facts() {
        return bySource.values();
    }

    public int size() {
        return bySource.size();
    }

    /** This ledger with the fact, or unchanged if recorded already; refused with every reason otherwise. */
    public Either<Rejected, Actuals> record(ActualFact fact) {
        ActualFact known = bySource.get(fact.sourceId());
        if (fact.equals(known)) {
            return Either.right(this);
        }
        String subject = "actual:" + fact.sourceId();
        Optional<ActualFact> original = fact.reverses().map(bySource::get);
        return Checks.start()
                .require(known == null, () -> Rejection.of(TargetRejection.FACT_CONFLICT, subject, "sourceId",
                        "another fact was recorded under this source id"))
                .require(fact.reverses().isEmpty() || original.isPresent(), () -> Rejection.of(TargetRejection.FACT_CONFLICT,
                        subject, "reverses", "the fact to reverse is unknown"))
                .require(original.map(o -> o.amount() == -fact.amount() && o.credits().equals(fact.credits())
                        && o.orgUnitId().equals(fact.orgUnitId())).orElse(true), () -> Rejection.of(TargetRejection.FACT_CONFLICT,
                        subject, "amount", "a reversal negates the original exactly"))
                .require(fact.reverses().map(r -> bySource.values().stream().noneMatch(f -> f.reverses().equals(Optional.of(r))))
                        .orElse(true), () -> Rejection.of(TargetRejection.FACT_CONFLICT, subject, "reverses", "the fact is reversed already"))
                .require(Math.abs(fact.amount()) <= Long.MAX_VALUE - absoluteTotal, () -> Rejection.of(
                        TargetRejection.AMOUNT_OUT_OF_RANGE, subject, "amount",
                        "the ledger's facts would add up beyond the exact range of a long")
                        .withEvidence("amount", fact.amount()).withEvidence("ledgerAbsoluteTotal", absoluteTotal))
                .thenRight(() -> {
                    Map<String, ActualFact> next = new LinkedHashMap<>(bySource);
                    next.put(fact.sourceId(), fact);
                    return new Actuals(next, absoluteTotal + Math.abs(fact.amount()));
                });
    }
}
