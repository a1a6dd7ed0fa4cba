package dev.saleskernel.persistence.tck;

/**
 * An optional capability an adapter's contract subclass may declare to run clause RS-4.4: it
 * makes the store's next commit fail after that commit's first write was applied, the way a
 * lost connection or a failing statement would.
 *
 * <p>The failure must surface from {@code RecordStore.commit} as a
 * {@code StoreUnavailableException}; the clause then checks that nothing of the commit is
 * visible and that its commit id was not consumed.
 */
@FunctionalInterface
public interface CommitFailureInjection {

    /** Arms the failure for the next commit only; later commits behave normally. */
    void failNextCommitAfterItsFirstWrite();
}
