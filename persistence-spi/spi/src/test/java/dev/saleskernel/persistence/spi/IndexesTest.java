package dev.saleskernel.persistence.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The index fields a write, record or query holds behave exactly as the unmodifiable {@code TreeMap}
 * copy they replace: same entries, name order, equality, hash code and text, no way to change them,
 * the same refusals; and a map already made by the SPI is taken as it is.
 */
class IndexesTest {

    private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private static Gen<String> names() {
        Gen<String> any = SourceDSL.lists().of(SourceDSL.integers().between(0, NAME_CHARACTERS.length() - 1)
                        .map(NAME_CHARACTERS::charAt)).ofSizeBetween(0, 6)
                .zip(SourceDSL.integers().between(0, 51), (tail, first) -> {
                    StringBuilder name = new StringBuilder().append(NAME_CHARACTERS.charAt(first));
                    tail.forEach(name::append);
                    return name.toString();
                });
        // a few short names too, so that maps share names and lookups hit and miss
        return any.mix(SourceDSL.integers().between(0, 5).map(i -> "f" + i), 40);
    }

    private static Gen<IndexValue> values() {
        return SourceDSL.integers().between(0, 2).zip(SourceDSL.longs().all(), (kind, n) -> switch (kind) {
            case 0 -> IndexValue.whole(n);
            case 1 -> IndexValue.moment(Instant.ofEpochSecond(Math.floorMod(n, 4_000_000_000L), Math.floorMod(n, 1_000_000_000L)));
            default -> IndexValue.text(Long.toString(n, 36));
        });
    }

    private static Gen<Map<String, IndexValue>> fields() {
        return SourceDSL.lists().of(names().zip(values(), Map::entry)).ofSizeBetween(0, 16).map(entries -> {
            Map<String, IndexValue> map = new HashMap<>();
            entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
            return map;
        });
    }

    @Test
    void the_copy_has_the_entries_order_equality_hash_and_text_of_a_sorted_copy() {
        qt().withExamples(1_000).forAll(fields(), names()).checkAssert((fields, probe) -> {
            Map<String, IndexValue> expected = Collections.unmodifiableMap(new TreeMap<>(fields));

            Map<String, IndexValue> copy = Indexes.copy(fields);

            assertThat(copy).isEqualTo(expected).isEqualTo(fields);
            assertThat(expected).isEqualTo(copy);
            assertThat(copy.hashCode()).isEqualTo(expected.hashCode());
            assertThat(copy.toString()).isEqualTo(expected.toString());
            assertThat(copy.size()).isEqualTo(expected.size());
            assertThat(copy.isEmpty()).isEqualTo(expected.isEmpty());
            assertThat(new ArrayList<>(copy.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
            assertThat(new ArrayList<>(copy.values())).isEqualTo(new ArrayList<>(expected.values()));
            assertThat(new ArrayList<>(copy.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            List<String> visited = new ArrayList<>();
            copy.forEach((name, value) -> visited.add(name + "=" + value));
            List<String> expectedVisits = new ArrayList<>();
            expected.forEach((name, value) -> expectedVisits.add(name + "=" + value));
            assertThat(visited).isEqualTo(expectedVisits);
            assertThat(copy.get(probe)).isEqualTo(expected.get(probe));
            assertThat(copy.containsKey(probe)).isEqualTo(expected.containsKey(probe));
            assertThat(copy.get(42)).isNull();
            assertThat(copy.containsKey(null)).isFalse();
            for (String name : fields.keySet()) {
                assertThat(copy.get(name)).isSameAs(fields.get(name));
            }
        });
    }

    @Test
    void the_copy_cannot_be_changed_and_a_copy_of_it_is_itself() {
        qt().withExamples(1_000).forAll(fields(), names(), values()).checkAssert((fields, name, value) -> {
            Map<String, IndexValue> copy = Indexes.copy(fields);
            Map<String, IndexValue> before = new TreeMap<>(copy);

            assertThatThrownBy(() -> copy.put(name, value)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.putAll(Map.of(name, value))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.computeIfAbsent(name, n -> value)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.putIfAbsent(name, value)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.merge(name, value, (a, b) -> b)).isInstanceOf(UnsupportedOperationException.class);
            if (!copy.isEmpty()) {
                String first = copy.keySet().iterator().next();
                assertThatThrownBy(() -> copy.remove(first)).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue(value))
                        .isInstanceOf(UnsupportedOperationException.class);
                Iterator<String> names = copy.keySet().iterator();
                names.next();
                assertThatThrownBy(names::remove).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> copy.values().clear()).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> copy.replaceAll((n, v) -> value)).isInstanceOf(UnsupportedOperationException.class);
            }
            assertThat(copy).isEqualTo(before);
            assertThat(Indexes.copy(copy)).isSameAs(copy);
        });
    }

    @Test
    void changing_the_given_map_afterwards_changes_nothing() {
        Map<String, IndexValue> fields = new HashMap<>(Map.of("owner", IndexValue.text("ann")));
        Write write = Write.create(new RecordKey("t", "deal", "d1"), 1, "{}", fields);

        fields.put("stage", IndexValue.whole(2));
        fields.put("owner", IndexValue.text("bob"));

        assertThat(write.indexes()).isEqualTo(Map.of("owner", IndexValue.text("ann")));
        StoredRecord record = new StoredRecord(write.key(), 1, 1, "{}", write.indexes(), Instant.EPOCH);
        assertThat(record.indexes()).as("a record made from a write's fields shares them").isSameAs(write.indexes());
    }

    @Test
    void the_same_fields_are_refused_as_before() {
        Map<String, IndexValue> seventeen = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            seventeen.put("f" + i, IndexValue.whole(i));
        }
        Map<String, IndexValue> nullValue = new HashMap<>();
        nullValue.put("owner", null);
        Map<String, IndexValue> nullName = new HashMap<>();
        nullName.put(null, IndexValue.whole(1));

        assertThatThrownBy(() -> Indexes.copy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Indexes.copy(seventeen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 16");
        assertThatThrownBy(() -> Indexes.copy(nullValue)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("index 'owner' has a null value");
        assertThatThrownBy(() -> Indexes.copy(nullName)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Indexes.copy(Map.of("1st", IndexValue.whole(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index name '1st'");
        assertThat(Indexes.copy(Map.of())).isEmpty();
    }

    @Test
    void a_one_write_commit_outcome_is_an_unchangeable_map_equal_to_the_sorted_one() {
        RecordKey key = new RecordKey("t", "deal", "d1");
        CommitOutcome.Committed one = new CommitOutcome.Committed(new HashMap<>(Map.of(key, 3L)));

        assertThat(one).isEqualTo(new CommitOutcome.Committed(new TreeMap<>(Map.of(key, 3L))));
        assertThat(one.newVersions()).isEqualTo(Map.of(key, 3L)).hasToString("{t/deal/d1=3}");
        assertThatThrownBy(() -> one.newVersions().put(key, 4L)).isInstanceOf(UnsupportedOperationException.class);
        Map<RecordKey, Long> nullVersion = new HashMap<>();
        nullVersion.put(key, null);
        assertThatThrownBy(() -> new CommitOutcome.Committed(nullVersion)).isInstanceOf(NullPointerException.class);
    }
}
