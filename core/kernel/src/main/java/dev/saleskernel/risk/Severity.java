package dev.saleskernel.risk;

/**
 * How bad a finding is: {@code score = impact × likelihood}, each on a 1–5 scale, so 1–25.
 * Levels: LOW below 6, MEDIUM below 12, HIGH below 20, CRITICAL from 20.
 */
public record Severity(int impact, int likelihood) {

    /** The reading of a score. */
    public enum Level { LOW, MEDIUM, HIGH, CRITICAL }

    public Severity {
        if (impact < 1 || impact > 5 || likelihood < 1 || likelihood > 5) {
            throw new IllegalArgumentException("impact and likelihood are 1..5: " + impact + ", " + likelihood);
        }
    }

    public int score() {
        return impact * likelihood;
    }

    public Level level() {
        int score = score();
        return score < 6 ? Level.LOW : score < 12 ? Level.MEDIUM : score < 20 ? Level.HIGH : Level.CRITICAL;
    }
}
