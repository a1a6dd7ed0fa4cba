package dev.saleskernel.target;

/** What a split of a target node divides by. */
public enum Dimension {
    ORG, PRODUCT_LINE, REGION, CHANNEL, TIME
}
