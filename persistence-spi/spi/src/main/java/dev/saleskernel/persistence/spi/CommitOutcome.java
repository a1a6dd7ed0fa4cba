package dev.saleskernel.persistence.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a {@link RecordStore#commit(Commit)} did: everything, or nothing because of stale keys. */
public sealed interface CommitOutcome {

    /**
     * Every write and message of the commit is stored.
     *
     * @param newVersions the version each written key now has
     */
    record Committed(Map<RecordKey, Long> newVersions) implements CommitOutcome {
        public Committed {
            Objects.requireNonNull(newVersions, "newVersions");
            if (newVersions.size() == 1) {
                // the common one-write commit: an immutable map of one entry (null key or version refused)
                Map.Entry<RecordKey, Long> only = newVersions.entrySet().iterator().next();
                newVersions = Map.of(only.getKey(), only.getValue());
            } else {
                newVersions = Collections.unmodifiableMap(new TreeMap<>(newVersions));
            }
        }
    }

    /**
     * Nothing was written because at least one write's expected version did not hold.
     * A store MUST list every stale key of the commit, not only the first (<b>RS-4.2</b>).
     *
     * @param staleKeys the keys whose expected version did not match, never empty
     */
    record Conflict(Set<RecordKey> staleKeys) implements CommitOutcome {
        public Conflict {
            staleKeys = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(staleKeys, "staleKeys")));
            if (staleKeys.isEmpty()) {
                throw new IllegalArgumentException("a conflict names at least one stale key");
            }
        }
    }
}
