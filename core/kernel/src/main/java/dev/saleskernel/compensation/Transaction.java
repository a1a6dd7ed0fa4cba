package dev.saleskernel.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sales transaction event that earns credit, identified by its source id (e.g. the ERP's
 * invoice line id): crediting the same source twice credits it once.
 *
 * @param sourceId    the idempotency key
 * @param dealId      the deal it belongs to (several events of one deal share it; the clawback key)
 * @param productId   the product sold
 * @param event       booking, invoice, payment, return or cancellation
 * @param date        the day the event happened
 * @param amountMinor the transaction amount in minor units, ≥ 0; returns and cancellations give the
 *                    amount reversed and are credited negatively
 * @param splits      the revenue split among reps: percentages summing to exactly 100
 * @param overlays    overlay credit (specialists), any positive percentage each, on top of the splits
 * @param partner     channel-partner credit, any positive percentage
 */
public record Transaction(String sourceId, String dealId, String productId, CreditEvent event, LocalDate date, long amountMinor,
                          List<Share> splits, List<Share> overlays, Optional<Share> partner) {
    public Transaction {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(date, "date");
        splits = List.copyOf(splits);
        overlays = List.copyOf(overlays);
        Objects.requireNonNull(partner, "partner");
    }

    /** A transaction credited wholly to one rep. */
    public static Transaction direct(String sourceId, String dealId, String productId, CreditEvent event, LocalDate date,
                                     long amountMinor, String repId) {
        return new Transaction(sourceId, dealId, productId, event, date, amountMinor,
                List.of(new Share(repId, BigDecimal.valueOf(100))), List.of(), Optional.empty());
    }

    /**
     * One participant's share of a transaction.
     *
     * @param participantId the rep, specialist or partner
     * @param percent       the share in percent (40 = 40%), at most 4 decimal places
     */
    public record Share(String participantId, BigDecimal percent) {
        public Share {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(percent, "percent");
        }
    }
}
