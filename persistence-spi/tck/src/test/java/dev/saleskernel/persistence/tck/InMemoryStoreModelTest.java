package dev.saleskernel.persistence.tck;

import dev.saleskernel.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

import static org.quicktheories.QuickTheory.qt;

class InMemoryStoreModelTest {

    @Test
    void the_in_memory_store_observes_what_a_plain_map_model_observes_for_random_operation_sequences() {
        qt().withExamples(1_000).forAll(RandomOperations.sequences()).checkAssert(operations ->
                RandomOperations.assertSameObservations(operations,
                        StoresUnderTest.of(new InMemoryStore()), "model", StoresUnderTest.of(new MapModelStore())));
    }
}
