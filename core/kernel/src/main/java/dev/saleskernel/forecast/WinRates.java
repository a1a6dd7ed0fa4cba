package dev.saleskernel.forecast;

import dev.saleskernel.funnel.StageKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Historical win rate per open stage, from closed deals: {@code rate(s) = won deals that reached s
 * ÷ closed (won + lost) deals that reached s}, "reached" meaning the furthest stage of the deal's
 * history is s or later (a won deal reached every stage). Kept as counts, so rates are exact; a
 * stage no closed deal reached has no rate.
 */
public final class WinRates {
    private final long[] won;
    private final long[] closed;

    private WinRates(long[] won, long[] closed) {
        this.won = won;
        this.closed = closed;
    }

    /** The rates of a layout with {@code openStages} open stages, learned from the closed deals among {@code history}. */
    public static WinRates learn(Iterable<ForecastDeal> history, int openStages) {
        long[] won = new long[openStages];
        long[] closed = new long[openStages];
        for (ForecastDeal deal : history) {
            if (deal.status() == StageKind.OPEN) {
                continue;
            }
            int reach = Math.min(deal.furthestStage(), openStages - 1);
            for (int s = 0; s <= reach; s++) {
                closed[s]++;
                if (deal.status() == StageKind.WON) {
                    won[s]++;
                }
            }
        }
        return new WinRates(won, closed);
    }

    public int openStages() {
        return won.length;
    }

    /** Won deals that reached stage s. */
    public long won(int stage) {
        return won[stage];
    }

    /** Closed deals that reached stage s. */
    public long closed(int stage) {
        return closed[stage];
    }

    /** won(s) ÷ closed(s), 4 decimals HALF_EVEN; empty when no closed deal reached s. */
    public Optional<BigDecimal> rate(int stage) {
        return closed[stage] == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(won[stage]).divide(BigDecimal.valueOf(closed[stage]), 4, RoundingMode.HALF_EVEN));
    }

    @Override
    public String toString() {
        return "WinRates[won=" + Arrays.toString(won) + ", closed=" + Arrays.toString(closed) + "]";
    }
}
