package dev.saleskernel.funnel;

/**
 * The forecast category of a stage (and of the opportunities in it). Cumulative roll-ups:
 * commit = commit + closed; best case = best case + commit + closed; open pipeline = pipeline +
 * best case + commit (closed and omitted excluded).
 */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
