package dev.saleskernel.persistence.tck;

import dev.saleskernel.store.memory.InMemoryStore;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The in-memory store passes the TCK, failure injection (RS-4.4) included. */
class InMemoryStoreTckTest extends RecordStoreContract {

    private final AtomicBoolean failNextWrite = new AtomicBoolean();

    @Override
    protected StoresUnderTest newStores() {
        return StoresUnderTest.of(InMemoryStore.withWriteObserver(Clock.systemUTC(), written -> {
            if (failNextWrite.compareAndSet(true, false)) {
                throw new IllegalStateException("injected failure after writing " + written);
            }
        }));
    }

    @Override
    protected Optional<CommitFailureInjection> commitFailureInjection() {
        return Optional.of(() -> failNextWrite.set(true));
    }
}
