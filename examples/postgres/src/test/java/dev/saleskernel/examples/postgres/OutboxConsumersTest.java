package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two host instances drain one outbox at once; one of them dies holding a lease. */
class OutboxConsumersTest {

    private static final int MESSAGES = 600;
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);
    private static final Duration LONG_LEASE = Duration.ofMinutes(5);

    private final PostgresStore store = new PostgresStore(TestDatabase.dataSource());
    private final String tenant = "consumers-" + UUID.randomUUID();
    private final CountDownLatch firstClaimMade = new CountDownLatch(1);

    @Test
    void every_message_is_delivered_at_least_once_and_none_is_lost_when_one_of_two_consumers_dies_mid_lease() throws Exception {
        List<String> committed = commitMessagesInBatchesOf(50);
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            Future<List<ClaimedMessage>> dying = consumers.submit(() -> consumeThenDieHoldingALease(delivered));
            Future<List<ClaimedMessage>> survivor = consumers.submit(() -> consumeUntilAllDelivered(delivered, committed.size()));

            List<ClaimedMessage> heldWhenItDied = dying.get(1, TimeUnit.MINUTES);
            List<ClaimedMessage> redelivered = survivor.get(1, TimeUnit.MINUTES).stream()
                    .filter(claimed -> claimed.attempt() > 1).collect(Collectors.toList());

            assertThat(heldWhenItDied).as("the dying consumer held messages when it stopped").isNotEmpty();
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(ids(redelivered)).containsAll(ids(heldWhenItDied));
            assertThat(store.claim(tenant, 1_000, LONG_LEASE)).as("nothing is left unacknowledged").isEmpty();
        } finally {
            consumers.shutdownNow();
        }
    }

    /** Acknowledges three batches, then claims one more and stops without acknowledging it. */
    private List<ClaimedMessage> consumeThenDieHoldingALease(Set<String> delivered) {
        for (int batch = 0; batch < 3; batch++) {
            List<ClaimedMessage> claimed = store.claim(tenant, 20, SHORT_LEASE);
            firstClaimMade.countDown();
            delivered.addAll(ids(claimed));
            store.acknowledge(tenant, ids(claimed));
        }
        return store.claim(tenant, 20, SHORT_LEASE);
    }

    private List<ClaimedMessage> consumeUntilAllDelivered(Set<String> delivered, int expected) throws InterruptedException {
        firstClaimMade.await();
        List<ClaimedMessage> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
        while (delivered.size() < expected && System.nanoTime() < deadline) {
            List<ClaimedMessage> claimed = store.claim(tenant, 25, LONG_LEASE);
            if (claimed.isEmpty()) {
                Thread.sleep(20);
                continue;
            }
            seen.addAll(claimed);
            delivered.addAll(ids(claimed));
            Thread.sleep(2); // publishing takes a little while
            store.acknowledge(tenant, ids(claimed));
        }
        return seen;
    }

    private List<String> commitMessagesInBatchesOf(int batch) {
        List<String> ids = IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).collect(Collectors.toList());
        for (int from = 0; from < MESSAGES; from += batch) {
            List<OutboxMessage> messages = ids.subList(from, from + batch).stream()
                    .map(id -> new OutboxMessage(id, tenant, "deal.changed", "deal", "d1", "{\"id\":\"" + id + "\"}",
                            Instant.parse("2026-05-01T10:00:00Z")))
                    .collect(Collectors.toList());
            store.commit(new Commit(tenant, "c" + from, List.of(), messages));
        }
        return ids;
    }

    private static List<String> ids(List<ClaimedMessage> claimed) {
        return claimed.stream().map(c -> c.message().messageId()).collect(Collectors.toList());
    }
}
