package dev.saleskernel.forecast;

import dev.saleskernel.period.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * The forecast of one scope (an owner or a team) for one period as of a date. Amounts are minor
 * units of one currency.
 *
 * <ul>
 *   <li>{@code closed}: won deals closed in the period; {@code commit}, {@code bestCase},
 *       {@code pipeline}, {@code omitted}: open deals expected to close in the period, by their
 *       forecast category.</li>
 *   <li>Cumulative roll-ups: commit = closed + commit; best case = commit roll-up + best case;
 *       pipeline = best-case roll-up + pipeline. So commit ≤ best case ≤ pipeline + closed.</li>
 *   <li>{@code weighted} = Σ amount × probability over the open deals, rounded once HALF_EVEN to the minor unit.</li>
 *   <li>{@code winRateExpected} = closed + Σ open amount × historical win rate of its stage
 *       ({@link WinRates}), summed exactly as a fraction and rounded once HALF_EVEN; open deals in a
 *       stage without history are left out of it and reported in {@code unrated}.</li>
 *   <li>{@code runRate}: closed × period days ÷ elapsed days (see
 *       {@link dev.saleskernel.target.Attainment#runRate}).</li>
 * </ul>
 *
 * @param target the scope's target for the period, if given
 */
public record Forecast(String scope, Period period, long closed, long commit, long bestCase, long pipeline, long omitted,
                       long weighted, long winRateExpected, long unrated, long runRate, Optional<Long> target) {
    public Forecast {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(target, "target");
    }

    /** closed + commit. */
    public long commitRollup() {
        return Math.addExact(closed, commit);
    }

    /** closed + commit + best case. */
    public long bestCaseRollup() {
        return Math.addExact(commitRollup(), bestCase);
    }

    /** closed + commit + best case + pipeline. */
    public long pipelineRollup() {
        return Math.addExact(bestCaseRollup(), pipeline);
    }

    /** Open deals of the pipeline, best-case and commit categories (closed and omitted excluded). */
    public long openPipeline() {
        return Math.addExact(Math.addExact(pipeline, bestCase), commit);
    }

    /** target − commit roll-up: what is still to find beyond the committed forecast; empty without a target. */
    public Optional<Long> gapToCommit() {
        return target.map(t -> Math.subtractExact(t, commitRollup()));
    }

    /** target − best-case roll-up; empty without a target. */
    public Optional<Long> gapToBestCase() {
        return target.map(t -> Math.subtractExact(t, bestCaseRollup()));
    }
}
