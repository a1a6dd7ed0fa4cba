package dev.saleskernel.store.memory;

import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.StoreUnavailableException;
import dev.saleskernel.persistence.spi.Write;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RecordKey key(String id) {
        return new RecordKey("acme", "deal", id);
    }

    private static Commit creating(String commitId, String... ids) {
        List<Write> writes = java.util.Arrays.stream(ids)
                .map(id -> Write.create(key(id), 1, "{\"id\":\"" + id + "\"}", Map.of("rank", IndexValue.whole(id.length()))))
                .toList();
        return new Commit("acme", commitId, writes, List.of());
    }

    @Test
    void written_at_comes_from_the_given_clock_truncated_to_microseconds() {
        InMemoryStore store = new InMemoryStore(CLOCK);
        store.commit(creating("c1", "a"));

        assertThat(store.load(key("a")).orElseThrow().writtenAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    @Test
    void a_failing_write_observer_rolls_the_whole_commit_back_and_leaves_the_commit_id_free() {
        boolean[] armed = {true};
        InMemoryStore store = InMemoryStore.withWriteObserver(CLOCK, written -> {
            if (armed[0]) {
                armed[0] = false;
                throw new IllegalStateException("injected");
            }
        });

        assertThatThrownBy(() -> store.commit(creating("c1", "a", "b")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasRootCauseMessage("injected");
        assertThat(store.load(key("a"))).isEmpty();
        assertThat(store.commit(creating("c1", "a", "b"))).isInstanceOf(CommitOutcome.Committed.class);
    }

    @Test
    void a_cursor_of_another_query_is_refused() {
        InMemoryStore store = new InMemoryStore(CLOCK);
        store.commit(creating("c1", "a", "b", "c"));
        String cursor = store.query(RecordQuery.all("acme", "deal", 1)).nextCursor().orElseThrow();

        assertThatThrownBy(() -> store.query(RecordQuery.all("acme", "lead", 1).after(cursor)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.query(RecordQuery.all("acme", "deal", 1).after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claim_refuses_a_max_outside_one_to_a_thousand_and_a_lease_that_is_not_positive() {
        InMemoryStore store = new InMemoryStore(CLOCK);

        assertThatThrownBy(() -> store.claim("acme", 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("acme", 1_001, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("acme", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
