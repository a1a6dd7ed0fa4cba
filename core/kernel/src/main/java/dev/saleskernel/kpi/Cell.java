package dev.saleskernel.kpi;

import dev.saleskernel.period.Period;
import java.util.Objects;

/**
 * One cell of a KPI cube: a value per cut dimension ({@link #ALL} where the cube is not cut by it)
 * and a period.
 */
public record Cell(String orgUnit, String territory, String channel, String productLine, Period period) {
    /** The value of a dimension the cube is not cut by. */
    public static final String ALL = "*";

    public Cell {
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(productLine, "productLine");
        Objects.requireNonNull(period, "period");
    }

    /** A cell of a cube cut by org unit and period only. */
    public static Cell of(String orgUnit, Period period) {
        return new Cell(orgUnit, ALL, ALL, ALL, period);
    }

    /** This cell in another period. */
    public Cell in(Period other) {
        return new Cell(orgUnit, territory, channel, productLine, other);
    }

    @Override
    public String toString() {
        return orgUnit + "/" + territory + "/" + channel + "/" + productLine + "/" + period.label();
    }
}
