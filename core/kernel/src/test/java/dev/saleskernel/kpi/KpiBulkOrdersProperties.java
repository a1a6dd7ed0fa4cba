package dev.saleskernel.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link KpiFacts.Builder#addOrders} (pre-coded columns) against one {@link KpiFacts.Builder#addOrder} per row. */
class KpiBulkOrdersProperties {
    static final List<String> UNITS = List.of("sh-1", "sh-2", "hz-1", "hz-2");
    static final List<String> CHANNELS = List.of("DIRECT", "AGENT");
    static final List<String> CUSTOMERS = List.of("c0", "c1", "c2", "c3", "c4", "c5");
    static final int JAN_1 = (int) LocalDate.of(2026, 1, 1).toEpochDay();

    static KpiFacts.Builder registered(int expected) {
        return KpiFacts.builder(KpiFixtures.CNY, expected)
                .dictionary(CutDimension.ORG_UNIT, UNITS)
                .dictionary(CutDimension.TERRITORY, List.of("east"))
                .dictionary(CutDimension.CHANNEL, CHANNELS)
                .dictionary(CutDimension.PRODUCT_LINE, List.of("cloud"))
                .customerDictionary(CUSTOMERS);
    }

    static List<String> decoded(KpiFacts f) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < f.orders; i++) {
            StringBuilder row = new StringBuilder().append(f.orderDay[i]);
            for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                row.append('|').append(f.dictionaries.get(d).get(f.orderCode(d, i)));
            }
            rows.add(row.append('|').append(f.orderSales[i]).append('|').append(f.orderCogs[i]).append('|')
                    .append(f.orderDelta[i]).append('|').append(f.orderFlags[i]).toString());
        }
        return rows;
    }

    @Test
    void bulk_orders_build_the_same_table_and_customer_flags_as_one_add_order_per_row() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = r.nextInt(40);
            int[] day = new int[n];
            int[] unit = new int[n];
            int[] channel = new int[n];
            int[] customer = new int[n];
            long[] sales = new long[n];
            long[] cogs = new long[n];
            byte[] delta = new byte[n];
            KpiFacts.Builder one = KpiFacts.builder(KpiFixtures.CNY, 1).existingCustomers(java.util.Set.of("c5"));
            for (int i = 0; i < n; i++) {
                day[i] = JAN_1 + r.nextInt(120);
                unit[i] = r.nextInt(UNITS.size());
                channel[i] = r.nextInt(CHANNELS.size());
                customer[i] = r.nextInt(CUSTOMERS.size());
                sales[i] = r.nextInt(2_000_000) - 100_000;
                cogs[i] = sales[i] / 2;
                delta[i] = (byte) (r.nextInt(3) - 1);
                one.addOrder(LocalDate.ofEpochDay(day[i]), UNITS.get(unit[i]), "east", CHANNELS.get(channel[i]), "cloud",
                        CUSTOMERS.get(customer[i]), sales[i], cogs[i], delta[i]);
            }
            int split = n == 0 ? 0 : r.nextInt(n + 1);
            KpiFacts.Builder bulk = registered(r.nextInt(4)).existingCustomers(java.util.Set.of("c5"));
            bulk.addOrders(split, day, unit, null, channel, null, customer, sales, cogs, delta);
            bulk.addOrders(n - split, java.util.Arrays.copyOfRange(day, split, n), java.util.Arrays.copyOfRange(unit, split, n),
                    null, java.util.Arrays.copyOfRange(channel, split, n), null, java.util.Arrays.copyOfRange(customer, split, n),
                    java.util.Arrays.copyOfRange(sales, split, n), java.util.Arrays.copyOfRange(cogs, split, n),
                    java.util.Arrays.copyOfRange(delta, split, n));
            LocalDate through = LocalDate.of(2026, 3, 31);

            KpiFacts expected = KpiFixtures.ok(one.observedThrough(through).build());
            KpiFacts actual = KpiFixtures.ok(bulk.observedThrough(through).build());

            assertThat(decoded(actual)).isEqualTo(decoded(expected));
        });
    }

    @Test
    void rows_given_in_date_order_get_the_flags_they_get_when_the_table_sorts_them_itself() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(60);
            int[] day = new int[n];
            int[] unit = new int[n];
            int[] customer = new int[n];
            long[] sales = new long[n];
            byte[] delta = new byte[n];
            for (int i = 0; i < n; i++) {
                day[i] = JAN_1 + r.nextInt(150);
                unit[i] = r.nextInt(UNITS.size());
                customer[i] = r.nextInt(CUSTOMERS.size());
                sales[i] = r.nextInt(1_000_000);
                delta[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 1);
            }
            Integer[] byDay = new Integer[n];
            for (int i = 0; i < n; i++) {
                byDay[i] = i;
            }
            java.util.Arrays.sort(byDay, java.util.Comparator.comparingInt(i -> day[i]));
            int[] sortedDay = new int[n];
            int[] sortedUnit = new int[n];
            int[] sortedCustomer = new int[n];
            long[] sortedSales = new long[n];
            byte[] sortedDelta = new byte[n];
            for (int k = 0; k < n; k++) {
                sortedDay[k] = day[byDay[k]];
                sortedUnit[k] = unit[byDay[k]];
                sortedCustomer[k] = customer[byDay[k]];
                sortedSales[k] = sales[byDay[k]];
                sortedDelta[k] = delta[byDay[k]];
            }
            LocalDate through = LocalDate.of(2026, 4, 30);

            KpiFacts shuffled = KpiFixtures.ok(registered(n).existingCustomers(java.util.Set.of("c4"))
                    .addOrders(n, day, unit, null, new int[n], null, customer, sales, sales, delta).observedThrough(through).build());
            KpiFacts dated = KpiFixtures.ok(registered(n).existingCustomers(java.util.Set.of("c4"))
                    .addOrders(n, sortedDay, sortedUnit, null, new int[n], null, sortedCustomer, sortedSales, sortedSales, sortedDelta)
                    .observedThrough(through).build());

            List<String> expected = new ArrayList<>();
            List<String> rows = decoded(shuffled);
            for (int k = 0; k < n; k++) {
                expected.add(rows.get(byDay[k]));
            }
            assertThat(decoded(dated)).isEqualTo(expected);
        });
    }

    @Test
    void every_bad_bulk_row_is_refused_with_its_field_and_index_while_good_rows_pass() {
        int[] day = {JAN_1, (int) LocalDate.of(2400, 1, 1).toEpochDay(), JAN_1, JAN_1, JAN_1};
        int[] unit = {0, 1, 9, 0, -1};
        int[] customer = {0, 1, 2, 99, 3};
        byte[] delta = {1, 1, 1, 1, 2};
        long[] amounts = new long[5];

        Rejected rejected = registered(5).addOrders(5, day, unit, null, new int[5], null, customer, amounts, amounts, delta)
                .build().getLeft();

        assertThat(rejected.reasons()).extracting(Rejection::subject, Rejection::field, x -> x.code().code()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kpi-facts:orders[1]", "date", "kpi/DATE_OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("kpi-facts:orders[2]", "orgUnit", "kpi/DIMENSION_BLANK"),
                org.assertj.core.groups.Tuple.tuple("kpi-facts:orders[3]", "customer", "kpi/DIMENSION_BLANK"),
                org.assertj.core.groups.Tuple.tuple("kpi-facts:orders[4]", "orgUnit", "kpi/DIMENSION_BLANK"),
                org.assertj.core.groups.Tuple.tuple("kpi-facts:orders[4]", "orderDelta", "kpi/ORDER_COUNT_INVALID"));
    }

    @Test
    void a_blank_dictionary_value_is_refused_and_a_missing_dictionary_or_short_column_is_a_programming_error() {
        Rejected rejected = KpiFacts.builder(KpiFixtures.CNY, 1).dictionary(CutDimension.CHANNEL, List.of("DIRECT", " "))
                .build().getLeft();
        assertThat(rejected.reasons()).extracting(Rejection::subject, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kpi-facts:dictionary.channel[1]", "channel"));

        assertThatThrownBy(() -> KpiFacts.builder(KpiFixtures.CNY, 1).addOrders(0, new int[0], new int[0], null, null, null,
                new int[0], new long[0], new long[0], new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registered(1).addOrders(2, new int[2], new int[2], null, new int[2], null,
                new int[2], new long[1], new long[2], new byte[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sales");
        assertThatThrownBy(() -> registered(1).addOrders(1, new int[1], new int[1], null, null, null,
                new int[1], new long[1], new long[1], new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel");
    }
}
