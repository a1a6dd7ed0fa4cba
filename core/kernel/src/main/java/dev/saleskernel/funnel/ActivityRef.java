package dev.saleskernel.funnel;

import java.time.Instant;
import java.util.Objects;

/**
 * A completed activity (visit, call, demo, …) linked to an opportunity; the activity itself lives elsewhere.
 *
 * @param activityId  id of the activity
 * @param type        its type, e.g. {@code visit}; stage criteria and visits-to-close read it
 * @param completedAt when it was completed
 */
public record ActivityRef(String activityId, String type, Instant completedAt) {
    public ActivityRef {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
