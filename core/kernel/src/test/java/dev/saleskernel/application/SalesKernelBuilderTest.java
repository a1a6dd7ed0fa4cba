package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.store.memory.InMemoryStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SalesKernelBuilderTest {

    @Test
    void building_without_stores_or_authorisation_fails_fast_naming_every_missing_piece() {
        assertThatThrownBy(() -> SalesKernel.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no RecordStore")
                .hasMessageContaining("there is no fallback")
                .hasMessageContaining("no OutboxStore")
                .hasMessageContaining("no Authorization");
    }

    @Test
    void building_with_only_a_record_store_still_fails_for_the_rest() {
        assertThatThrownBy(() -> SalesKernel.builder().recordStore(new InMemoryStore()).build())
                .hasMessageNotContaining("no RecordStore")
                .hasMessageContaining("no OutboxStore")
                .hasMessageContaining("no Authorization");
    }

    @Test
    void a_store_speaking_another_spi_version_is_refused_at_wiring_time() {
        RecordStore future = new RecordStore() {
            @Override
            public int spiVersion() {
                return RecordStore.SPI_VERSION + 1;
            }

            @Override
            public Optional<StoredRecord> load(RecordKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CommitOutcome commit(Commit commit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RecordPage query(RecordQuery query) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> SalesKernel.builder().recordStore(future).outboxStore(new InMemoryStore())
                .authorization(Authorization.allowEverything()).build())
                .hasMessageContaining("implements SPI version 2, this kernel needs 1");
    }

    @Test
    void a_fully_wired_kernel_builds() {
        InMemoryStore store = new InMemoryStore();

        SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
                .authorization(Authorization.allowEverything()).build();

        assertThat(kernel.tenantSettings()).isNotNull();
    }

    @Test
    void the_retry_budget_is_bounded() {
        assertThatThrownBy(() -> SalesKernel.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SalesKernel.builder().maxAttempts(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
