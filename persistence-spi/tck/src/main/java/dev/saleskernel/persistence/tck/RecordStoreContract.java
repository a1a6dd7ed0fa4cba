package dev.saleskernel.persistence.tck;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoreUnavailableException;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.store.memory.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The storage contract. An adapter's test class extends it and implements {@link #newStores()};
 * JUnit then runs every clause of the SPI against the adapter. Each test's display name starts
 * with the clause id the SPI Javadoc cites ({@code RS-3.2}, {@code OB-3.1}, ...).
 *
 * <p>Every test works in fresh, random tenants, so stores on a shared database need no reset
 * between tests. Test methods are final: an adapter opts out of nothing silently. What an adapter
 * may tune is declared here: {@link #commitFailureInjection()} (the optional capability behind
 * RS-4.4; without it that clause is reported as aborted, not passed), {@link #fuzzProfile()},
 * {@link #differentialExamples()}, {@link #shortLease()} and {@link #clockTolerance()}.
 *
 * <pre>{@code
 * class PostgresStoreTckTest extends RecordStoreContract {
 *     protected StoresUnderTest newStores() {
 *         return StoresUnderTest.of(new PostgresStore(dataSource));
 *     }
 *     protected FuzzProfile fuzzProfile() {
 *         return new FuzzProfile(8, 5_000, Duration.ofMinutes(5));
 *     }
 * }
 * }</pre>
 */
public abstract class RecordStoreContract {

    private static final String DEAL = "deal";
    private static final String LEAD = "lead";
    private static final Duration LONG_LEASE = Duration.ofMinutes(10);

    private StoresUnderTest stores;
    private String tenant;

    /** For subclasses: an adapter's contract test. */
    protected RecordStoreContract() {
    }

    /**
     * The stores under test. Called before every test; may return the same, shared stores each
     * time, because every test uses tenants of its own.
     */
    protected abstract StoresUnderTest newStores();

    /**
     * The failure-injection capability that clause RS-4.4 needs, if the adapter offers one. Empty
     * by default, which reports RS-4.4 as aborted (not run) rather than passed.
     */
    protected Optional<CommitFailureInjection> commitFailureInjection() {
        return Optional.empty();
    }

    /** The size of the concurrent writer fuzzer (RS-10.1); {@link FuzzProfile#DEFAULT} by default. */
    protected FuzzProfile fuzzProfile() {
        return FuzzProfile.DEFAULT;
    }

    /** How many random operation sequences the differential test runs; 1,000 by default. */
    protected int differentialExamples() {
        return 1_000;
    }

    /** The lease the expiry clauses use and then wait out; 200 ms by default. */
    protected Duration shortLease() {
        return Duration.ofMillis(200);
    }

    /** How far the store's clock may be from this JVM's clock (RS-9.1); 5 seconds by default. */
    protected Duration clockTolerance() {
        return Duration.ofSeconds(5);
    }

    @BeforeEach
    public final void openStoresInAFreshTenant() {
        stores = newStores();
        tenant = freshTenant();
    }

    // ---- RS-1 load ---------------------------------------------------------------------------

    @Test
    @DisplayName("RS-1.1 loading a record that was never created returns empty")
    public final void loading_a_record_that_was_never_created_returns_empty() {
        assertAbsent(key(DEAL, "missing"));
    }

    @Test
    @DisplayName("RS-1.2 a record loads with the version, schema version, JSON and indexes last written")
    public final void a_created_record_loads_with_its_version_schema_version_json_and_indexes() {
        Map<String, IndexValue> indexes = Map.of(
                "owner", IndexValue.text("ann"),
                "stage", IndexValue.whole(3),
                "closesAt", IndexValue.moment(Instant.parse("2026-12-31T23:59:59.999999Z")));
        assertCommitted(commit(Write.create(key(DEAL, "d1"), 7, "{\"name\":\"Big deal\",\"amount\":\"1200.00\"}", indexes)));

        StoredRecord loaded = records().load(key(DEAL, "d1")).orElseThrow();
        assertThat(loaded.key()).isEqualTo(key(DEAL, "d1"));
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.schemaVersion()).isEqualTo(7);
        assertSameJson(loaded.json(), "{\"name\":\"Big deal\",\"amount\":\"1200.00\"}");
        assertThat(loaded.indexes()).isEqualTo(indexes);
    }

    // ---- RS-2 create-if-absent ------------------------------------------------------------------

    @Test
    @DisplayName("RS-2.1 a write expecting version 0 creates the record at version 1")
    public final void a_write_expecting_version_zero_creates_the_record_at_version_one() {
        CommitOutcome outcome = commit(create(key(DEAL, "d1"), "{\"n\":1}"));

        assertThat(outcome).isEqualTo(new CommitOutcome.Committed(Map.of(key(DEAL, "d1"), 1L)));
        assertVersion(key(DEAL, "d1"), 1);
    }

    @Test
    @DisplayName("RS-2.2 creating a record that exists is a conflict and leaves it unchanged")
    public final void creating_a_record_that_exists_is_a_conflict_and_leaves_it_unchanged() {
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));

        CommitOutcome outcome = commit(create(key(DEAL, "d1"), "{\"n\":2}"));

        assertThat(outcome).isEqualTo(new CommitOutcome.Conflict(Set.of(key(DEAL, "d1"))));
        assertStored(key(DEAL, "d1"), 1, "{\"n\":1}");
    }

    // ---- RS-3 compare-and-swap -------------------------------------------------------------------

    @Test
    @DisplayName("RS-3.1 a write expecting the stored version replaces the record, indexes included, at the next version")
    public final void a_write_expecting_the_stored_version_replaces_the_record_at_the_next_version() {
        commit(Write.create(key(DEAL, "d1"), 1, "{\"n\":1}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(1))));

        CommitOutcome outcome = commit(Write.update(key(DEAL, "d1"), 1, 2, "{\"n\":2}", Map.of("stage", IndexValue.whole(2))));

        assertThat(outcome).isEqualTo(new CommitOutcome.Committed(Map.of(key(DEAL, "d1"), 2L)));
        StoredRecord replaced = records().load(key(DEAL, "d1")).orElseThrow();
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.schemaVersion()).isEqualTo(2);
        assertSameJson(replaced.json(), "{\"n\":2}");
        assertThat(replaced.indexes()).isEqualTo(Map.of("stage", IndexValue.whole(2)));
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 10).whereEquals("owner", IndexValue.text("ann")))).isEmpty();
    }

    @Test
    @DisplayName("RS-3.2 a stale expected version is a conflict and nothing is written")
    public final void a_stale_expected_version_is_a_conflict_and_nothing_is_written() {
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));
        commit(update(key(DEAL, "d1"), 1, "{\"n\":2}"));

        CommitOutcome outcome = commit(update(key(DEAL, "d1"), 1, "{\"n\":3}"));

        assertThat(outcome).isEqualTo(new CommitOutcome.Conflict(Set.of(key(DEAL, "d1"))));
        assertStored(key(DEAL, "d1"), 2, "{\"n\":2}");
    }

    @Test
    @DisplayName("RS-3.3 an expected version ahead of the stored one, or of a missing record, is a conflict")
    public final void an_expected_version_ahead_of_the_stored_one_or_of_a_missing_record_is_a_conflict() {
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));

        assertThat(commit(update(key(DEAL, "d1"), 2, "{\"n\":2}"))).isEqualTo(new CommitOutcome.Conflict(Set.of(key(DEAL, "d1"))));
        assertThat(commit(update(key(DEAL, "d2"), 1, "{\"n\":2}"))).isEqualTo(new CommitOutcome.Conflict(Set.of(key(DEAL, "d2"))));
        assertVersion(key(DEAL, "d1"), 1);
        assertAbsent(key(DEAL, "d2"));
    }

    // ---- RS-4 atomicity ---------------------------------------------------------------------------

    @Test
    @DisplayName("RS-4.1 a commit with one stale write among several writes nothing and publishes nothing")
    public final void a_commit_with_one_stale_write_among_several_writes_nothing() {
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));
        commit(update(key(DEAL, "d1"), 1, "{\"n\":2}"));

        CommitOutcome outcome = commit(List.of(
                create(key(DEAL, "d2"), "{\"n\":1}"),
                update(key(DEAL, "d1"), 1, "{\"n\":3}"),
                create(key(LEAD, "l1"), "{\"n\":1}")), List.of(message("m1")));

        assertThat(outcome).isInstanceOf(CommitOutcome.Conflict.class);
        assertAbsent(key(DEAL, "d2"));
        assertAbsent(key(LEAD, "l1"));
        assertVersion(key(DEAL, "d1"), 2);
        assertThat(claimAll(tenant)).isEmpty();
    }

    @Test
    @DisplayName("RS-4.2 a conflict names every stale key of the commit, not only the first")
    public final void a_conflict_names_every_stale_key_of_the_commit() {
        commit(List.of(create(key(DEAL, "d1"), "{}"), create(key(DEAL, "d2"), "{}"), create(key(DEAL, "d3"), "{}")), List.of());

        CommitOutcome outcome = commit(List.of(
                update(key(DEAL, "d1"), 1, "{}"),
                create(key(DEAL, "d2"), "{}"),
                update(key(DEAL, "d3"), 5, "{}"),
                update(key(LEAD, "absent"), 1, "{}"),
                create(key(LEAD, "fresh"), "{}")), List.of());

        assertThat(outcome).isEqualTo(new CommitOutcome.Conflict(Set.of(key(DEAL, "d2"), key(DEAL, "d3"), key(LEAD, "absent"))));
        assertVersion(key(DEAL, "d1"), 1);
        assertAbsent(key(LEAD, "fresh"));
    }

    @Test
    @DisplayName("RS-4.3 outbox messages become claimable if and only if their commit succeeds")
    public final void outbox_messages_become_claimable_if_and_only_if_their_commit_succeeds() {
        commit(create(key(DEAL, "d1"), "{}"));
        assertThat(commit(List.of(create(key(DEAL, "d1"), "{}")), List.of(message("lost")))).isInstanceOf(CommitOutcome.Conflict.class);
        assertCommitted(commit(List.of(update(key(DEAL, "d1"), 1, "{}")), List.of(message("kept-1"), message("kept-2"))));
        assertCommitted(commit(List.of(), List.of(message("alone"))));

        assertThat(messageIds(claimAll(tenant))).containsExactly("kept-1", "kept-2", "alone");
    }

    @Test
    @DisplayName("RS-4.4 a commit that fails after its first write leaves nothing visible and its id unconsumed")
    public final void a_commit_failing_after_its_first_write_leaves_nothing_visible() {
        Optional<CommitFailureInjection> injection = commitFailureInjection();
        assumeTrue(injection.isPresent(), "the adapter declares no CommitFailureInjection capability");
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));
        Commit failing = new Commit(tenant, "fails-once", List.of(
                update(key(DEAL, "d1"), 1, "{\"n\":2}"),
                create(key(DEAL, "d2"), "{\"n\":1}"),
                create(key(LEAD, "l1"), "{\"n\":1}")), List.of(message("m1")));

        injection.get().failNextCommitAfterItsFirstWrite();
        assertThatThrownBy(() -> records().commit(failing)).isInstanceOf(StoreUnavailableException.class);

        assertStored(key(DEAL, "d1"), 1, "{\"n\":1}");
        assertAbsent(key(DEAL, "d2"));
        assertAbsent(key(LEAD, "l1"));
        assertThat(claimAll(tenant)).isEmpty();
        assertThat(records().commit(failing)).isEqualTo(new CommitOutcome.Committed(
                Map.of(key(DEAL, "d1"), 2L, key(DEAL, "d2"), 1L, key(LEAD, "l1"), 1L)));
        assertThat(messageIds(claimAll(tenant))).containsExactly("m1");
    }

    // ---- RS-5 idempotent commit ids -------------------------------------------------------------

    @Test
    @DisplayName("RS-5.1 replaying a commit id changes nothing and reports the first commit's versions")
    public final void replaying_a_commit_id_changes_nothing_and_reports_the_first_versions() {
        Commit first = new Commit(tenant, "once", List.of(create(key(DEAL, "d1"), "{\"n\":1}")), List.of(message("m1")));
        CommitOutcome original = records().commit(first);
        assertCommitted(commit(update(key(DEAL, "d1"), 1, "{\"n\":2}")));

        CommitOutcome replayed = records().commit(first);
        CommitOutcome replayedWithOtherContent = records().commit(new Commit(tenant, "once",
                List.of(create(key(LEAD, "l1"), "{}")), List.of(message("m2"))));

        assertThat(original).isEqualTo(new CommitOutcome.Committed(Map.of(key(DEAL, "d1"), 1L)));
        assertThat(replayed).isEqualTo(original);
        assertThat(replayedWithOtherContent).isEqualTo(original);
        assertStored(key(DEAL, "d1"), 2, "{\"n\":2}");
        assertAbsent(key(LEAD, "l1"));
        assertThat(messageIds(claimAll(tenant))).containsExactly("m1");
    }

    @Test
    @DisplayName("RS-5.2 commit ids are scoped to the tenant: the same id commits independently in another tenant")
    public final void commit_ids_are_scoped_to_the_tenant() {
        String other = freshTenant();
        CommitOutcome mine = records().commit(new Commit(tenant, "shared-id", List.of(create(key(DEAL, "d1"), "{}")), List.of()));
        RecordKey theirs = new RecordKey(other, DEAL, "d9");

        CommitOutcome theirOutcome = records().commit(new Commit(other, "shared-id", List.of(create(theirs, "{}")), List.of()));

        assertThat(mine).isEqualTo(new CommitOutcome.Committed(Map.of(key(DEAL, "d1"), 1L)));
        assertThat(theirOutcome).isEqualTo(new CommitOutcome.Committed(Map.of(theirs, 1L)));
        assertThat(records().load(theirs)).isPresent();
    }

    @Test
    @DisplayName("RS-5.3 a commit that ends in a conflict does not consume its commit id")
    public final void a_conflicting_commit_does_not_consume_its_commit_id() {
        commit(create(key(DEAL, "d1"), "{\"n\":1}"));
        Commit retried = new Commit(tenant, "retried", List.of(create(key(DEAL, "d1"), "{\"n\":9}")), List.of());
        assertThat(records().commit(retried)).isInstanceOf(CommitOutcome.Conflict.class);

        CommitOutcome outcome = records().commit(new Commit(tenant, "retried",
                List.of(update(key(DEAL, "d1"), 1, "{\"n\":2}")), List.of(message("m1"))));

        assertThat(outcome).isEqualTo(new CommitOutcome.Committed(Map.of(key(DEAL, "d1"), 2L)));
        assertThat(messageIds(claimAll(tenant))).containsExactly("m1");
    }

    // ---- RS-6 tenant isolation ------------------------------------------------------------------

    @Test
    @DisplayName("RS-6.1 a record of one tenant cannot be loaded through another tenant's key")
    public final void a_record_of_one_tenant_cannot_be_loaded_through_another_tenant() {
        commit(create(key(DEAL, "d1"), "{}"));

        assertAbsent(new RecordKey(freshTenant(), DEAL, "d1"));
    }

    @Test
    @DisplayName("RS-6.2 a query never returns or pages over records of another tenant")
    public final void a_query_never_returns_records_of_another_tenant() {
        String other = freshTenant();
        commit(Write.create(key(DEAL, "mine"), 1, "{}", Map.of("owner", IndexValue.text("ann"))));
        records().commit(new Commit(other, "c1", List.of(
                Write.create(new RecordKey(other, DEAL, "a-theirs"), 1, "{}", Map.of("owner", IndexValue.text("ann"))),
                Write.create(new RecordKey(other, DEAL, "z-theirs"), 1, "{}", Map.of("owner", IndexValue.text("ann")))), List.of()));

        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 1).whereEquals("owner", IndexValue.text("ann")))).containsExactly("mine");
        assertThat(idsOf(RecordQuery.all(other, DEAL, 1))).containsExactly("a-theirs", "z-theirs");
    }

    @Test
    @DisplayName("RS-6.3 the same record key in two tenants names two independent records")
    public final void the_same_record_key_in_two_tenants_names_two_independent_records() {
        String other = freshTenant();
        RecordKey theirs = new RecordKey(other, DEAL, "d1");
        commit(create(key(DEAL, "d1"), "{\"tenant\":\"mine\"}"));
        commit(update(key(DEAL, "d1"), 1, "{\"tenant\":\"mine\"}"));

        CommitOutcome outcome = records().commit(new Commit(other, "c1", List.of(create(theirs, "{\"tenant\":\"theirs\"}")), List.of()));

        assertThat(outcome).isEqualTo(new CommitOutcome.Committed(Map.of(theirs, 1L)));
        assertSameJson(records().load(theirs).orElseThrow().json(), "{\"tenant\":\"theirs\"}");
        assertVersion(key(DEAL, "d1"), 2);
    }

    // ---- RS-7 queries ----------------------------------------------------------------------------

    @Test
    @DisplayName("RS-7.1 a query returns exactly the records whose indexes equal every condition")
    public final void a_query_returns_exactly_the_records_whose_indexes_equal_every_condition() {
        commit(List.of(
                Write.create(key(DEAL, "ann-1"), 1, "{}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(1))),
                Write.create(key(DEAL, "ann-2"), 1, "{}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(2))),
                Write.create(key(DEAL, "ann-x"), 1, "{}", Map.of("owner", IndexValue.text("ann"))),
                Write.create(key(DEAL, "Ann-1"), 1, "{}", Map.of("owner", IndexValue.text("Ann"), "stage", IndexValue.whole(1))),
                Write.create(key(DEAL, "bob-1"), 1, "{}", Map.of("owner", IndexValue.text("bob"), "stage", IndexValue.whole(1))),
                Write.create(key(LEAD, "ann-1"), 1, "{}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(1)))),
                List.of());

        RecordQuery annInStageOne = RecordQuery.all(tenant, DEAL, 100)
                .whereEquals("owner", IndexValue.text("ann")).whereEquals("stage", IndexValue.whole(1));
        assertThat(idsOf(annInStageOne)).containsExactly("ann-1");
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 100).whereEquals("owner", IndexValue.text("ann"))))
                .containsExactly("ann-1", "ann-2", "ann-x");
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 100).whereEquals("stage", IndexValue.whole(1))))
                .containsExactly("Ann-1", "ann-1", "bob-1");
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 100).whereEquals("region", IndexValue.text("ann")))).isEmpty();
    }

    @Test
    @DisplayName("RS-7.2 a range on whole numbers is half-open [from, to), either bound may be absent")
    public final void a_range_on_whole_numbers_is_half_open() {
        List<Write> writes = new ArrayList<>();
        for (long amount : new long[] {-5, 0, 9, 10, 11, 19, 20, 21, Long.MAX_VALUE}) {
            writes.add(Write.create(key(DEAL, "w" + amount), 1, "{}", Map.of("amount", IndexValue.whole(amount))));
        }
        writes.add(Write.create(key(DEAL, "text"), 1, "{}", Map.of("amount", IndexValue.text("15"))));
        writes.add(Write.create(key(DEAL, "none"), 1, "{}", Map.of()));
        commit(writes, List.of());

        RecordQuery all = RecordQuery.all(tenant, DEAL, 100);
        assertThat(idsOf(all.whereIn(RecordQuery.Range.between("amount", IndexValue.whole(10), IndexValue.whole(20)))))
                .containsExactly("w10", "w11", "w19");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.atLeast("amount", IndexValue.whole(20)))))
                .containsExactly("w20", "w21", "w" + Long.MAX_VALUE);
        assertThat(idsOf(all.whereIn(RecordQuery.Range.below("amount", IndexValue.whole(0))))).containsExactly("w-5");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.between("amount", IndexValue.whole(10), IndexValue.whole(10))))).isEmpty();
    }

    @Test
    @DisplayName("RS-7.2 a range on moments is half-open [from, to) at microsecond precision")
    public final void a_range_on_moments_is_half_open_at_microsecond_precision() {
        Instant t = Instant.parse("2026-03-01T08:00:00.000001Z");
        commit(List.of(
                Write.create(key(LEAD, "before"), 1, "{}", Map.of("at", IndexValue.moment(t.minus(1, ChronoUnit.MICROS)))),
                Write.create(key(LEAD, "from"), 1, "{}", Map.of("at", IndexValue.moment(t))),
                Write.create(key(LEAD, "inside"), 1, "{}", Map.of("at", IndexValue.moment(t.plusSeconds(59)))),
                Write.create(key(LEAD, "to"), 1, "{}", Map.of("at", IndexValue.moment(t.plusSeconds(60)))),
                Write.create(key(LEAD, "whole"), 1, "{}", Map.of("at", IndexValue.whole(t.toEpochMilli())))), List.of());

        RecordQuery all = RecordQuery.all(tenant, LEAD, 100);
        assertThat(idsOf(all.whereIn(RecordQuery.Range.between("at", IndexValue.moment(t), IndexValue.moment(t.plusSeconds(60))))))
                .containsExactly("from", "inside");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.between("at", IndexValue.moment(t), IndexValue.moment(t.plus(1, ChronoUnit.MICROS))))))
                .containsExactly("from");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.below("at", IndexValue.moment(t))))).containsExactly("before");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.atLeast("at", IndexValue.moment(t.plusSeconds(59))))))
                .containsExactly("inside", "to");
    }

    @Test
    @DisplayName("RS-7.3 results are ordered by range value then record id, or by record id without a range")
    public final void results_are_ordered_by_range_value_then_record_id_or_by_record_id_alone() {
        commit(List.of(
                Write.create(key(DEAL, "b"), 1, "{}", Map.of("stage", IndexValue.whole(2))),
                Write.create(key(DEAL, "a"), 1, "{}", Map.of("stage", IndexValue.whole(3))),
                Write.create(key(DEAL, "d"), 1, "{}", Map.of("stage", IndexValue.whole(-1))),
                Write.create(key(DEAL, "c"), 1, "{}", Map.of("stage", IndexValue.whole(2))),
                Write.create(key(DEAL, "B"), 1, "{}", Map.of("stage", IndexValue.whole(2))),
                Write.create(key(DEAL, "a-1"), 1, "{}", Map.of("stage", IndexValue.whole(10))),
                Write.create(key(DEAL, "a.1"), 1, "{}", Map.of("stage", IndexValue.whole(10)))), List.of());

        RecordQuery all = RecordQuery.all(tenant, DEAL, 100);
        assertThat(idsOf(all)).containsExactly("B", "a", "a-1", "a.1", "b", "c", "d");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.atLeast("stage", IndexValue.whole(Long.MIN_VALUE)))))
                .containsExactly("d", "B", "b", "c", "a", "a-1", "a.1");
    }

    @Test
    @DisplayName("RS-7.4 following cursors returns every match once, in pages of at most limit records, and ends")
    public final void following_cursors_returns_every_match_once_in_pages_of_at_most_limit_records() {
        List<Write> writes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = String.format("d%02d", i);
            writes.add(Write.create(key(DEAL, id), 1, "{}", Map.of("stage", IndexValue.whole(i % 4))));
            expected.add(id);
        }
        commit(writes, List.of());

        for (int limit : new int[] {1, 5, 23, 1_000}) {
            List<RecordPage> pages = pages(RecordQuery.all(tenant, DEAL, limit));
            assertThat(pages).allSatisfy(page -> assertThat(page.records()).hasSizeLessThanOrEqualTo(limit));
            assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page.records()).hasSize(limit));
            assertThat(ids(pages)).containsExactlyElementsOf(expected);
        }
        List<String> byStage = ids(pages(RecordQuery.all(tenant, DEAL, 4)
                .whereIn(RecordQuery.Range.between("stage", IndexValue.whole(1), IndexValue.whole(3)))));
        assertThat(byStage).containsExactly("d01", "d05", "d09", "d13", "d17", "d21", "d02", "d06", "d10", "d14", "d18", "d22");
        assertThat(records().query(RecordQuery.all(tenant, LEAD, 10))).isEqualTo(new RecordPage(List.of(), Optional.empty()));
    }

    @Test
    @DisplayName("RS-7.5 a text index value never equals a whole number with the same digits")
    public final void a_text_value_never_equals_a_whole_number_with_the_same_digits() {
        commit(List.of(
                Write.create(key(DEAL, "as-text"), 1, "{}", Map.of("stage", IndexValue.text("5"))),
                Write.create(key(DEAL, "as-whole"), 1, "{}", Map.of("stage", IndexValue.whole(5)))), List.of());

        RecordQuery all = RecordQuery.all(tenant, DEAL, 10);
        assertThat(idsOf(all.whereEquals("stage", IndexValue.text("5")))).containsExactly("as-text");
        assertThat(idsOf(all.whereEquals("stage", IndexValue.whole(5)))).containsExactly("as-whole");
        assertThat(idsOf(all.whereIn(RecordQuery.Range.between("stage", IndexValue.whole(0), IndexValue.whole(10)))))
                .containsExactly("as-whole");
    }

    @Test
    @DisplayName("RS-7.6 paging stays stable while records are created and updated between pages")
    public final void paging_stays_stable_while_records_are_created_and_updated_between_pages() {
        List<Write> writes = new ArrayList<>();
        Set<String> matchingThroughout = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("d%02d", i);
            writes.add(Write.create(key(DEAL, id), 1, "{\"v\":1}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(i % 5))));
            matchingThroughout.add(id);
        }
        commit(writes, List.of());
        RecordQuery query = RecordQuery.all(tenant, DEAL, 6).whereEquals("owner", IndexValue.text("ann"))
                .whereIn(RecordQuery.Range.atLeast("stage", IndexValue.whole(0)));

        List<String> seen = new ArrayList<>();
        RecordPage page = records().query(query);
        int step = 0;
        while (true) {
            page.records().forEach(record -> seen.add(record.key().recordId()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            step++;
            commit(List.of(
                    Write.create(key(DEAL, "new-" + step), 1, "{}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(step % 5))),
                    Write.create(key(DEAL, "a-new-" + step), 1, "{}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(0))),
                    update(key(DEAL, String.format("d%02d", step)), 1, "{\"v\":2}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(step % 5))),
                    update(key(DEAL, String.format("d%02d", 39 - step)), 1, "{\"v\":2}", Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole((39 - step) % 5)))),
                    List.of());
            page = records().query(query.after(page.nextCursor().get()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(matchingThroughout);
    }

    @Test
    @DisplayName("RS-7.6 paging stays stable while another thread creates and updates records between pages")
    public final void paging_stays_stable_while_another_thread_writes_concurrently() throws Exception {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(Write.create(key(DEAL, String.format("d%03d", i)), 1, "{}", Map.of("stage", IndexValue.whole(i % 7))));
        }
        commit(writes, List.of());
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger steps = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> churn = writer.submit(() -> {
                while (paging.get() && steps.get() < 300) {
                    int step = steps.get();
                    String existing = String.format("d%03d", step % 200);
                    StoredRecord current = records().load(key(DEAL, existing)).orElseThrow();
                    assertCommitted(commit(List.of(
                            Write.create(key(DEAL, "n" + step), 1, "{}", Map.of("stage", IndexValue.whole(step % 7))),
                            update(key(DEAL, existing), current.version(), "{\"step\":" + step + "}", current.indexes())), List.of()));
                    steps.incrementAndGet();
                }
                return null;
            });
            List<String> seen = new ArrayList<>();
            RecordQuery query = RecordQuery.all(tenant, DEAL, 7).whereIn(RecordQuery.Range.atLeast("stage", IndexValue.whole(0)));
            Optional<String> cursor = Optional.empty();
            do {
                RecordPage page = records().query(cursor.map(query::after).orElse(query));
                page.records().forEach(record -> seen.add(record.key().recordId()));
                cursor = page.nextCursor();
                awaitMoreSteps(steps, churn);
            } while (cursor.isPresent());
            paging.set(false);
            churn.get(fuzzProfile().timeout().toMillis(), TimeUnit.MILLISECONDS);

            assertThat(seen).doesNotHaveDuplicates()
                    .containsAll(IntStream.range(0, 200).mapToObj(i -> String.format("d%03d", i)).collect(Collectors.toList()));
        } finally {
            paging.set(false);
            writer.shutdownNow();
        }
    }

    /** Waits until the writer thread has committed at least once more (or is done), so that page boundaries see writes. */
    private void awaitMoreSteps(AtomicInteger steps, Future<?> writer) throws InterruptedException {
        int before = steps.get();
        long deadline = System.nanoTime() + clockTolerance().toNanos();
        while (steps.get() == before && !writer.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(steps.get() > before || writer.isDone()).as("the writer thread keeps committing between pages").isTrue();
    }

    // ---- RS-8 JSON -------------------------------------------------------------------------------

    @Test
    @DisplayName("RS-8.1 a document round-trips semantically: same members and values, any order and white space")
    public final void a_document_round_trips_with_nested_values_numbers_and_literals() {
        String json = "{ \"z\": 1, \"a\": [1, 2.50, -3e2, {\"nested\": {\"deep\": [true, false, null]}}],"
                + " \"amount\": \"1234567890123456789.000001\", \"big\": 123456789012345678901234567890,"
                + " \"empty\": {}, \"none\": [], \"text\": \"\" }";
        commit(create(key(DEAL, "d1"), json));

        assertSameJson(records().load(key(DEAL, "d1")).orElseThrow().json(), json);
    }

    @Test
    @DisplayName("RS-8.2 Unicode text, escapes and control characters round-trip in documents, indexes and messages")
    public final void unicode_text_escapes_and_control_characters_round_trip() {
        String text = "销售漏斗 — Vertriebstrichter 🚀😀 \uD834\uDD1E \"quoted\" back\\slash /slash tab\there"
                + " line\nbreak \r \b \f \u0001 \u001f \u2028 \u00e9\u0301 ﷽";
        String json = "{" + Json.quote("名字") + ":" + Json.quote(text) + ",\"escaped\":\"\\u9500\\u552e \\ud83d\\ude00 \\/\"}";
        RecordKey key = key(DEAL, "d1");
        Map<String, IndexValue> indexes = Map.of("stage", IndexValue.text("销售漏斗 🚀 Ü"));
        OutboxMessage message = new OutboxMessage("m1", tenant, "deal.named", DEAL, "d1", json, Instant.parse("2026-01-01T00:00:00Z"));
        commit(List.of(Write.create(key, 1, json, indexes)), List.of(message));

        StoredRecord loaded = records().load(key).orElseThrow();
        assertSameJson(loaded.json(), json);
        assertThat(Json.parse(loaded.json())).isEqualTo(Map.of("名字", text, "escaped", "销售 😀 /"));
        assertThat(loaded.indexes()).isEqualTo(indexes);
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 10).whereEquals("stage", IndexValue.text("销售漏斗 🚀 Ü")))).containsExactly("d1");
        assertSameJson(claimAll(tenant).get(0).message().json(), json);
    }

    @Test
    @DisplayName("RS-8.3 a document of about one mebibyte round-trips")
    public final void a_document_of_about_one_mebibyte_round_trips() {
        StringBuilder json = new StringBuilder("{\"lines\":[");
        int line = 0;
        while (json.length() < 1024 * 1024) {
            json.append(line == 0 ? "" : ",").append("{\"n\":").append(line).append(",\"text\":")
                    .append(Json.quote("line " + line + " 销售 ✓ " + "x".repeat(line % 40))).append('}');
            line++;
        }
        String document = json.append("]}").toString();
        commit(create(key(DEAL, "big"), document));

        String loaded = records().load(key(DEAL, "big")).orElseThrow().json();
        assertThat(Json.canonical(loaded)).as("a document of %d characters", document.length()).isEqualTo(Json.canonical(document));
    }

    // ---- RS-9 timestamps -------------------------------------------------------------------------

    @Test
    @DisplayName("RS-9.1 writtenAt is the commit's time with at least millisecond precision")
    public final void written_at_is_the_commit_time_with_at_least_millisecond_precision() throws InterruptedException {
        Instant before = Instant.now().minus(clockTolerance());
        List<Instant> writtenAt = new ArrayList<>();
        for (int version = 1; version <= 5; version++) {
            commit(new Write(key(DEAL, "d1"), version - 1, 1, "{}", Map.of()));
            writtenAt.add(records().load(key(DEAL, "d1")).orElseThrow().writtenAt());
            Thread.sleep(3);
        }
        Instant after = Instant.now().plus(clockTolerance());

        assertThat(writtenAt).allSatisfy(at -> assertThat(at).isBetween(before, after)).isSorted();
        assertThat(writtenAt).as("five commits 3 ms apart cannot all fall on whole seconds")
                .anySatisfy(at -> assertThat(at.getNano()).isNotZero());
        assertThat(new HashSet<>(writtenAt)).as("commits 3 ms apart have distinct times at millisecond precision").hasSize(5);
    }

    @Test
    @DisplayName("RS-9.2 Moment index values and outbox occurredAt keep their microseconds exactly")
    public final void moment_indexes_and_outbox_occurred_at_keep_microseconds_exactly() {
        Instant precise = Instant.parse("2026-07-14T12:34:56.123456Z");
        Instant early = Instant.parse("1970-01-01T00:00:00.000001Z");
        Instant late = Instant.parse("9999-12-31T23:59:59.999999Z");
        commit(List.of(Write.create(key(DEAL, "d1"), 1, "{}",
                Map.of("at", IndexValue.moment(precise), "early", IndexValue.moment(early), "late", IndexValue.moment(late)))),
                List.of(new OutboxMessage("m1", tenant, "deal.created", DEAL, "d1", "{}", precise)));

        assertThat(records().load(key(DEAL, "d1")).orElseThrow().indexes())
                .containsEntry("at", IndexValue.moment(precise))
                .containsEntry("early", IndexValue.moment(early))
                .containsEntry("late", IndexValue.moment(late));
        assertThat(idsOf(RecordQuery.all(tenant, DEAL, 10).whereEquals("at", IndexValue.moment(precise)))).containsExactly("d1");
        assertThat(claimAll(tenant).get(0).message().occurredAt()).isEqualTo(precise);
    }

    // ---- RS-10 concurrency -----------------------------------------------------------------------

    @Test
    @DisplayName("RS-10.1 concurrent compare-and-swap increments on hot keys lose no update")
    public final void concurrent_compare_and_swap_increments_lose_no_update() throws Exception {
        FuzzProfile profile = fuzzProfile();
        List<RecordKey> hot = IntStream.range(0, 4).mapToObj(i -> key(DEAL, "hot-" + i)).collect(Collectors.toList());
        commit(hot.stream().map(key -> create(key, "{\"count\":0}")).collect(Collectors.toList()), List.of());
        AtomicLongArray successes = new AtomicLongArray(hot.size());
        ExecutorService writers = Executors.newFixedThreadPool(profile.threads());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < profile.threads(); thread++) {
                int writer = thread;
                done.add(writers.submit(() -> {
                    SplittableRandom random = new SplittableRandom(writer);
                    for (int i = 0; i < profile.incrementsPerThread(); i++) {
                        int k = random.nextInt(hot.size());
                        incrementUntilCommitted(hot.get(k), "inc-" + writer + "-" + i);
                        successes.incrementAndGet(k);
                    }
                    return null;
                }));
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(profile.timeout().toMillis(), TimeUnit.MILLISECONDS))
                    .as("the fuzzer finishes within %s", profile.timeout()).isTrue();
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }

        long total = 0;
        for (int k = 0; k < hot.size(); k++) {
            StoredRecord record = records().load(hot.get(k)).orElseThrow();
            assertThat(count(record.json())).as("counter of %s", hot.get(k)).isEqualTo(successes.get(k));
            assertThat(record.version()).as("version of %s", hot.get(k)).isEqualTo(successes.get(k) + 1);
            total += successes.get(k);
        }
        assertThat(total).isEqualTo((long) profile.threads() * profile.incrementsPerThread());
    }

    private void incrementUntilCommitted(RecordKey key, String commitId) {
        while (true) {
            StoredRecord current = records().load(key).orElseThrow();
            Write increment = update(key, current.version(), "{\"count\":" + (count(current.json()) + 1) + "}");
            CommitOutcome outcome = records().commit(new Commit(tenant, commitId, List.of(increment), List.of()));
            if (outcome instanceof CommitOutcome.Committed committed) {
                assertThat(committed.newVersions()).isEqualTo(Map.of(key, current.version() + 1));
                return;
            }
        }
    }

    private static long count(String json) {
        return ((BigDecimal) ((Map<?, ?>) Json.parse(json)).get("count")).longValueExact();
    }

    // ---- OB-1 claiming ---------------------------------------------------------------------------

    @Test
    @DisplayName("OB-1.1 a claim returns the oldest unleased messages first")
    public final void a_claim_returns_the_oldest_messages_first() {
        for (int i = 0; i < 5; i++) {
            commit(List.of(), List.of(message("m" + i)));
        }

        assertThat(messageIds(outbox().claim(tenant, 2, LONG_LEASE))).containsExactly("m0", "m1");
        assertThat(messageIds(outbox().claim(tenant, 2, LONG_LEASE))).containsExactly("m2", "m3");
        assertThat(messageIds(outbox().claim(tenant, 2, LONG_LEASE))).containsExactly("m4");
    }

    @Test
    @DisplayName("OB-1.2 sequences increase strictly in commit order, and in list order within one commit")
    public final void sequences_increase_in_commit_order_and_in_list_order_within_a_commit() {
        commit(List.of(create(key(DEAL, "d1"), "{}")), List.of(message("a1"), message("a2"), message("a3")));
        commit(List.of(), List.of(message("b1")));
        commit(List.of(update(key(DEAL, "d1"), 1, "{}")), List.of(message("c1"), message("c2")));

        List<ClaimedMessage> claimed = claimAll(tenant);

        assertThat(messageIds(claimed)).containsExactly("a1", "a2", "a3", "b1", "c1", "c2");
        assertThat(claimed).extracting(ClaimedMessage::sequence).isSorted().doesNotHaveDuplicates()
                .allSatisfy(sequence -> assertThat(sequence).isPositive());
        assertThat(claimed).extracting(ClaimedMessage::attempt).containsOnly(1);
    }

    @Test
    @DisplayName("OB-1.3 a claim returns at most max messages and serves up to 1,000; max outside 1..1,000 is refused")
    public final void a_claim_returns_at_most_max_messages_and_serves_up_to_a_thousand() {
        List<OutboxMessage> messages = IntStream.range(0, 1_005).mapToObj(i -> message(String.format("m%04d", i)))
                .collect(Collectors.toList());
        commit(List.of(), messages);

        assertThat(outbox().claim(tenant, 3, LONG_LEASE)).hasSize(3);
        assertThat(outbox().claim(tenant, 1_000, LONG_LEASE)).hasSize(1_000);
        assertThat(outbox().claim(tenant, 1_000, LONG_LEASE)).hasSize(2);
        assertThatThrownBy(() -> outbox().claim(tenant, 0, LONG_LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().claim(tenant, 1_001, LONG_LEASE)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- OB-2 leases -----------------------------------------------------------------------------

    @Test
    @DisplayName("OB-2.1 a leased message is not claimed again while its lease holds")
    public final void a_leased_message_is_not_claimed_again_while_its_lease_holds() {
        commit(List.of(), List.of(message("m1"), message("m2")));
        List<ClaimedMessage> first = outbox().claim(tenant, 1, LONG_LEASE);

        assertThat(messageIds(outbox().claim(tenant, 10, LONG_LEASE))).containsExactly("m2");
        assertThat(outbox().claim(tenant, 10, LONG_LEASE)).isEmpty();
        assertThat(messageIds(first)).containsExactly("m1");
        assertThat(first.get(0).leasedUntil()).isAfter(Instant.now().plus(LONG_LEASE.dividedBy(2)));
    }

    @Test
    @DisplayName("OB-2.1 concurrent claimers never receive the same message while leases hold")
    public final void concurrent_claimers_never_receive_the_same_message() throws Exception {
        commit(List.of(), IntStream.range(0, 400).mapToObj(i -> message("m" + i)).collect(Collectors.toList()));
        ExecutorService claimers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(claimers.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    List<ClaimedMessage> batch;
                    while (!(batch = outbox().claim(tenant, 7, LONG_LEASE)).isEmpty()) {
                        mine.addAll(messageIds(batch));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> claim : claims) {
                all.addAll(claim.get(fuzzProfile().timeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(400);
        } finally {
            claimers.shutdownNow();
        }
    }

    // ---- OB-3 lease expiry -----------------------------------------------------------------------

    @Test
    @DisplayName("OB-3.1 a message whose lease ran out unacknowledged is claimed again with attempt + 1")
    public final void a_message_whose_lease_ran_out_is_claimed_again_with_the_next_attempt() throws InterruptedException {
        commit(List.of(), List.of(message("m1")));
        ClaimedMessage first = outbox().claim(tenant, 10, shortLease()).get(0);

        List<ClaimedMessage> again = claimAfterLeaseRunsOut(tenant);

        assertThat(first.attempt()).isEqualTo(1);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).message()).isEqualTo(first.message());
        assertThat(again.get(0).sequence()).isEqualTo(first.sequence());
        assertThat(again.get(0).attempt()).isEqualTo(2);
        assertThat(again.get(0).leasedUntil()).isAfter(first.leasedUntil());
    }

    // ---- OB-4 acknowledgement --------------------------------------------------------------------

    @Test
    @DisplayName("OB-4.1 an acknowledged message is never claimed again, even after its lease ran out")
    public final void an_acknowledged_message_is_never_claimed_again() throws InterruptedException {
        commit(List.of(), List.of(message("m1"), message("m2")));
        List<ClaimedMessage> claimed = outbox().claim(tenant, 10, shortLease());

        outbox().acknowledge(tenant, List.of("m1"));

        assertThat(messageIds(claimed)).containsExactly("m1", "m2");
        assertThat(messageIds(claimAfterLeaseRunsOut(tenant))).containsExactly("m2");
    }

    @Test
    @DisplayName("OB-4.2 acknowledging an unknown or already acknowledged id is a no-op")
    public final void acknowledging_an_unknown_or_already_acknowledged_id_is_a_no_op() {
        commit(List.of(), List.of(message("m1"), message("m2")));
        outbox().acknowledge(tenant, List.of("m1"));

        outbox().acknowledge(tenant, List.of("m1", "never-sent"));
        outbox().acknowledge(freshTenant(), List.of("m2"));
        outbox().acknowledge(tenant, List.of());

        assertThat(messageIds(claimAll(tenant))).containsExactly("m2");
    }

    // ---- OB-5 isolation ------------------------------------------------------------------------

    @Test
    @DisplayName("OB-5.1 a claim never returns another tenant's messages")
    public final void a_claim_never_returns_another_tenants_messages() {
        String other = freshTenant();
        commit(List.of(), List.of(message("mine")));
        records().commit(new Commit(other, "c1", List.of(), List.of(messageOf(other, "theirs"))));

        assertThat(messageIds(claimAll(tenant))).containsExactly("mine");
        assertThat(messageIds(claimAll(other))).containsExactly("theirs");
        assertThat(claimAll(freshTenant())).isEmpty();
    }

    @Test
    @DisplayName("OB-5.2 acknowledging a message id through another tenant leaves the message in place")
    public final void acknowledging_through_another_tenant_leaves_the_message_in_place() {
        String other = freshTenant();
        commit(List.of(), List.of(message("m1")));
        records().commit(new Commit(other, "c1", List.of(), List.of(messageOf(other, "m1"))));

        outbox().acknowledge(other, List.of("m1"));

        assertThat(messageIds(claimAll(tenant))).containsExactly("m1");
        assertThat(claimAll(other)).isEmpty();
    }

    // ---- differential ----------------------------------------------------------------------------

    @Test
    @DisplayName("RS-DIFF random operation sequences observe exactly what the in-memory reference store observes")
    public final void random_operation_sequences_observe_what_the_in_memory_reference_observes() {
        qt().withExamples(differentialExamples()).forAll(RandomOperations.sequences()).checkAssert(operations ->
                RandomOperations.assertSameObservations(operations,
                        stores, freshTenant(), StoresUnderTest.of(new InMemoryStore())));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private RecordStore records() {
        return stores.records();
    }

    private OutboxStore outbox() {
        return stores.outbox();
    }

    private static String freshTenant() {
        return "tck-" + UUID.randomUUID();
    }

    private RecordKey key(String type, String id) {
        return new RecordKey(tenant, type, id);
    }

    private static Write create(RecordKey key, String json) {
        return Write.create(key, 1, json, Map.of());
    }

    private static Write update(RecordKey key, long expectedVersion, String json) {
        return update(key, expectedVersion, json, Map.of());
    }

    private static Write update(RecordKey key, long expectedVersion, String json, Map<String, IndexValue> indexes) {
        return new Write(key, expectedVersion, 1, json, indexes);
    }

    private OutboxMessage message(String id) {
        return messageOf(tenant, id);
    }

    private static OutboxMessage messageOf(String tenantId, String id) {
        return new OutboxMessage(id, tenantId, "deal.changed", DEAL, "d1", "{\"message\":" + Json.quote(id) + "}",
                Instant.parse("2026-05-01T10:00:00.000001Z"));
    }

    private CommitOutcome commit(Write write) {
        return commit(List.of(write), List.of());
    }

    private CommitOutcome commit(List<Write> writes, List<OutboxMessage> messages) {
        return records().commit(new Commit(tenant, "c-" + UUID.randomUUID(), writes, messages));
    }

    private static void assertCommitted(CommitOutcome outcome) {
        assertThat(outcome).isInstanceOf(CommitOutcome.Committed.class);
    }

    private void assertAbsent(RecordKey key) {
        assertThat(records().load(key)).as("record %s", key).isEmpty();
    }

    private void assertVersion(RecordKey key, long version) {
        assertThat(records().load(key).map(StoredRecord::version)).as("version of %s", key).contains(version);
    }

    private void assertStored(RecordKey key, long version, String json) {
        StoredRecord stored = records().load(key).orElseThrow();
        assertThat(stored.version()).as("version of %s", key).isEqualTo(version);
        assertSameJson(stored.json(), json);
    }

    private static void assertSameJson(String actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(expected));
    }

    private List<ClaimedMessage> claimAll(String tenantId) {
        return outbox().claim(tenantId, 1_000, LONG_LEASE);
    }

    private List<ClaimedMessage> claimAfterLeaseRunsOut(String tenantId) throws InterruptedException {
        Thread.sleep(shortLease().toMillis());
        long deadline = System.nanoTime() + clockTolerance().toNanos();
        List<ClaimedMessage> claimed = claimAll(tenantId);
        while (claimed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            claimed = claimAll(tenantId);
        }
        return claimed;
    }

    private static List<String> messageIds(List<ClaimedMessage> claimed) {
        return claimed.stream().map(c -> c.message().messageId()).collect(Collectors.toList());
    }

    private List<RecordPage> pages(RecordQuery query) {
        return RandomOperations.pages(records(), query);
    }

    private static List<String> ids(List<RecordPage> pages) {
        return pages.stream().flatMap(page -> page.records().stream()).map(r -> r.key().recordId()).collect(Collectors.toList());
    }

    private List<String> idsOf(RecordQuery query) {
        return ids(pages(query));
    }
}
