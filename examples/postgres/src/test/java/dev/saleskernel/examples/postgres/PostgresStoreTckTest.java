package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.tck.CommitFailureInjection;
import dev.saleskernel.persistence.tck.FuzzProfile;
import dev.saleskernel.persistence.tck.RecordStoreContract;
import dev.saleskernel.persistence.tck.StoresUnderTest;

import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole storage contract against a real PostgreSQL server ({@link TestDatabase}). RS-4.4 fails
 * a real statement ({@code select 1/0}) inside the commit's transaction after its first write;
 * RS-10.1 runs 8 writers (each on its own pooled connection) × 5,000 increments.
 */
class PostgresStoreTckTest extends RecordStoreContract {

    private static final AtomicBoolean FAIL_NEXT_COMMIT = new AtomicBoolean();
    private static final PostgresStore STORE = new PostgresStore(TestDatabase.dataSource(), connection -> {
        if (FAIL_NEXT_COMMIT.compareAndSet(true, false)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1 / 0");
            }
        }
    });

    @Override
    protected StoresUnderTest newStores() {
        return StoresUnderTest.of(STORE);
    }

    @Override
    protected Optional<CommitFailureInjection> commitFailureInjection() {
        return Optional.of(() -> FAIL_NEXT_COMMIT.set(true));
    }

    @Override
    protected FuzzProfile fuzzProfile() {
        return new FuzzProfile(8, 5_000, Duration.ofMinutes(5));
    }
}
