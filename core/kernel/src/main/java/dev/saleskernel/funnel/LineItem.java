package dev.saleskernel.funnel;

import dev.saleskernel.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an opportunity.
 *
 * @param product   product id
 * @param quantity  quantity, greater than zero
 * @param unitPrice price per unit, not negative, in the opportunity's currency
 * @param discount  fraction 0–1 taken off the line (0.15 = 15%)
 */
public record LineItem(String product, BigDecimal quantity, Money unitPrice, BigDecimal discount) {
    public LineItem {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(discount, "discount");
    }

    /** quantity × unit price × (1 − discount), exact (not rounded). */
    public Money exactNet() {
        return unitPrice.times(quantity.multiply(BigDecimal.ONE.subtract(discount)));
    }
}
