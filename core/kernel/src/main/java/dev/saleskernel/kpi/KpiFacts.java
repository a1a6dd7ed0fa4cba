package dev.saleskernel.kpi;

import dev.saleskernel.funnel.analytics.FunnelCut;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.Proration;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.target.ActualFact;
import dev.saleskernel.target.Metric;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The columnar fact table KPIs are computed from, in one currency: order rows (the hot table,
 * primitive columns, so 10 million rows fit in a few hundred MB) and measure rows (spend, costs,
 * surveys, market sizes, headcount, funnel cohorts, host measures). Every row is dated and carries
 * the four cut dimensions: the org unit it is booked to, territory, channel and product line.
 * Rows with no value for a dimension (headcount has no channel) carry {@link #UNATTRIBUTED}.
 *
 * <p><b>Customer measures</b> are derived from the order rows that count one order (cancellations
 * and adjustments do not make a customer active) when the table is built, in date order (ties by
 * insertion order), per customer:
 * <ul>
 *   <li>new customer: the customer's first order row in the table, unless declared existing;</li>
 *   <li>active customer-month: the customer's first order row of each calendar month;</li>
 *   <li>cohort and retained: a customer active in month m is in month m's cohort (on that same
 *       row) when month m+1 ends on or before {@code observedThrough}; retained if the customer
 *       also has an order row in month m+1 (anywhere). Churned = cohort − retained.</li>
 * </ul>
 *
 * <p>Build with {@link #builder}; {@link Builder#build()} refuses the whole table with every
 * reason (row by row, with the field) when any row is invalid; nothing is silently fixed.
 */
public final class KpiFacts {
    /** The dimension value of rows that are not attributed along a dimension. */
    public static final String UNATTRIBUTED = "(none)";
    static final int DIMENSIONS = 4;
    static final int UNIT = 0;
    static final int TERRITORY = 1;
    static final int CHANNEL = 2;
    static final int PRODUCT_LINE = 3;
    static final byte NEW = 1;
    static final byte ACTIVE = 2;
    static final byte COHORT = 4;
    static final byte RETAINED = 8;
    private static final String[] FIELDS = {"orgUnit", "territory", "channel", "productLine"};
    private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(2300, 1, 1);

    final Currency currency;
    final List<Measure> measures;
    final Map<Measure, Integer> measureIndex;
    final List<List<String>> dictionaries;
    final int orders;
    final int[] orderDay;
    /* Per dimension, the order rows' codes, or null when every row has orderConstant[d]. */
    final int[][] orderDim;
    final int[] orderConstant;
    final long[] orderSales;
    final long[] orderCogs;
    final byte[] orderDelta;
    final byte[] orderFlags;
    /* The order rows' first and last day (MAX_VALUE and MIN_VALUE without rows). */
    final int orderMinDay;
    final int orderMaxDay;
    final int rows;
    final int[] rowDay;
    final int[][] rowDim;
    final int[] rowMeasure;
    final long[] rowValue;

    private KpiFacts(Builder b, byte[] flags) {
        currency = b.currency;
        measures = List.copyOf(b.measures);
        measureIndex = Map.copyOf(b.measureIndex);
        List<List<String>> dicts = new ArrayList<>();
        for (StringCodes d : b.dictionaries) {
            dicts.add(List.copyOf(d.values()));
        }
        dictionaries = List.copyOf(dicts);
        orders = b.orders;
        orderDay = fit(b.orderDay, orders);
        orderDim = new int[DIMENSIONS][];
        rowDim = new int[DIMENSIONS][];
        for (int d = 0; d < DIMENSIONS; d++) {
            orderDim[d] = b.orderDim[d] == null ? null : fit(b.orderDim[d], orders);
            rowDim[d] = Arrays.copyOf(b.rowDim[d], b.rows);
        }
        orderConstant = b.orderConstant.clone();
        orderSales = fit(b.orderSales, orders);
        orderCogs = fit(b.orderCogs, orders);
        orderDelta = fit(b.orderDelta, orders);
        orderFlags = flags;
        orderMinDay = b.minOrderDay;
        orderMaxDay = b.maxOrderDay;
        rows = b.rows;
        rowDay = Arrays.copyOf(b.rowDay, rows);
        rowMeasure = Arrays.copyOf(b.rowMeasure, rows);
        rowValue = Arrays.copyOf(b.rowValue, rows);
    }

    /* The code of dimension d on order row i. */
    int orderCode(int d, int i) {
        return orderDim[d] == null ? orderConstant[d] : orderDim[d][i];
    }

    /*
     * A full builder column is taken as it is (the builder grows a full column by copying before it
     * writes again, so the table's column is never written to afterwards); otherwise trimmed.
     */
    private static int[] fit(int[] column, int length) {
        return column.length == length ? column : Arrays.copyOf(column, length);
    }

    private static long[] fit(long[] column, int length) {
        return column.length == length ? column : Arrays.copyOf(column, length);
    }

    private static byte[] fit(byte[] column, int length) {
        return column.length == length ? column : Arrays.copyOf(column, length);
    }

    /** A builder for a table in {@code currency}, pre-sized for {@code expectedOrders} order rows. */
    public static Builder builder(Currency currency, int expectedOrders) {
        return new Builder(currency, expectedOrders);
    }

    public Currency currency() {
        return currency;
    }

    /** Order rows. */
    public int orderCount() {
        return orders;
    }

    /** Measure rows. */
    public int measureRowCount() {
        return rows;
    }

    /** Every measure the table knows: built-in ones, stage-reached ones, then host measures. */
    public List<Measure> measures() {
        return measures;
    }

    /** Collects rows; not thread-safe. */
    public static final class Builder {
        private final Currency currency;
        private final List<Measure> measures = new ArrayList<>(Measure.BUILT_IN);
        private final Map<Measure, Integer> measureIndex = new HashMap<>();
        private final List<StringCodes> dictionaries = new ArrayList<>();
        private final StringCodes customers = new StringCodes();
        private final Set<String> existingCustomers = new HashSet<>();
        private final List<Rejection> problems = new ArrayList<>();
        private Optional<LocalDate> observedThrough = Optional.empty();
        private final int[][] hostCodes = new int[DIMENSIONS][];
        private final boolean[] hostIdentity = new boolean[DIMENSIONS];
        private int[] hostCustomers;
        private boolean hostCustomersIdentity;
        private int orders;
        private int orderInputs;
        private int rowInputs;
        private int[] orderDay;
        /* A dimension's column stays null while every row has the same code, orderConstant[d]. */
        private final int[][] orderDim = new int[DIMENSIONS][];
        private final int[] orderConstant = new int[DIMENSIONS];
        private int[] orderCustomer;
        private long[] orderSales;
        private long[] orderCogs;
        private byte[] orderDelta;
        private int rows;
        private int[] rowDay = new int[64];
        private final int[][] rowDim = new int[DIMENSIONS][];
        private int[] rowMeasure = new int[64];
        private long[] rowValue = new long[64];

        private int[] reachedIndex = new int[0];
        /* The order rows' first and last day, and whether the rows came in date order (kept as rows come). */
        private int minOrderDay = Integer.MAX_VALUE;
        private int maxOrderDay = Integer.MIN_VALUE;
        private int lastOrderDay = Integer.MIN_VALUE;
        private boolean inDateOrder = true;
        /* The same, over the bulk that allValid last found valid. */
        private int bulkMin;
        private int bulkMax;
        private boolean bulkInOrder;
        /* Columns are allocated on the first order row, for this many rows (or by the first bulk's copy). */
        private final int expectedOrders;

        private Builder(Currency currency, int expected) {
            this.currency = Objects.requireNonNull(currency, "currency");
            for (int i = 0; i < measures.size(); i++) {
                measureIndex.put(measures.get(i), i);
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                dictionaries.add(new StringCodes());
                rowDim[d] = new int[64];
            }
            expectedOrders = Math.max(16, expected);
            orderDay = new int[0];
            orderCustomer = new int[0];
            orderSales = new long[0];
            orderCogs = new long[0];
            orderDelta = new byte[0];
        }

        private String subject(String what, int index) {
            return "kpi-facts:" + what + "[" + index + "]";
        }

        private int code(int dimension, String value) {
            return dictionaries.get(dimension).codeOf(value);
        }

        private boolean checkRow(String what, int index, LocalDate date, String unit, String territory, String channel,
                                 String productLine) {
            int before = problems.size();
            if (date == null || date.isBefore(MIN_DATE) || !date.isBefore(MAX_DATE)) {
                problems.add(Rejection.of(KpiRejection.DATE_OUT_OF_RANGE, subject(what, index), "date",
                        "a fact's date lies in 1900..2299, got " + date));
            }
            String[] names = FIELDS;
            String[] values = {unit, territory, channel, productLine};
            for (int d = 0; d < DIMENSIONS; d++) {
                if (values[d] == null || values[d].isBlank()) {
                    problems.add(Rejection.of(KpiRejection.DIMENSION_BLANK, subject(what, index), names[d],
                            "every row names its " + names[d] + " (or " + UNATTRIBUTED + ")"));
                }
            }
            return problems.size() == before;
        }

        /**
         * One order (orderDelta 1), a cancellation (−1) or an adjustment (0): sales and cost of goods
         * in minor units (returns negative), for a customer.
         */
        public Builder addOrder(LocalDate date, String orgUnit, String territory, String channel, String productLine,
                                String customer, long salesMinor, long cogsMinor, int delta) {
            int index = orderInputs++;
            boolean ok = checkRow("orders", index, date, orgUnit, territory, channel, productLine);
            if (customer == null || customer.isBlank()) {
                problems.add(Rejection.of(KpiRejection.DIMENSION_BLANK, subject("orders", index), "customer",
                        "an order names its customer"));
                ok = false;
            }
            if (delta < -1 || delta > 1) {
                problems.add(Rejection.of(KpiRejection.ORDER_COUNT_INVALID, subject("orders", index), "orderDelta",
                        "an order row counts −1, 0 or 1 orders, got " + delta));
                ok = false;
            }
            if (!ok) {
                return this;
            }
            ensureOrderCapacity(orders + 1);
            orderDay[orders] = track((int) date.toEpochDay());
            setDimension(UNIT, code(UNIT, orgUnit));
            setDimension(TERRITORY, code(TERRITORY, territory));
            setDimension(CHANNEL, code(CHANNEL, channel));
            setDimension(PRODUCT_LINE, code(PRODUCT_LINE, productLine));
            orderCustomer[orders] = customerCode(customer);
            orderSales[orders] = salesMinor;
            orderCogs[orders] = cogsMinor;
            orderDelta[orders] = (byte) delta;
            orders++;
            return this;
        }

        /* The code of dimension d on row `orders`, keeping the column constant while it can. */
        private void setDimension(int d, int code) {
            if (orderDim[d] == null && (orders == 0 || orderConstant[d] == code)) {
                orderConstant[d] = code;
                return;
            }
            column(d)[orders] = code;
        }

        /* Dimension d's column, written out from its constant if needed. */
        private int[] column(int d) {
            if (orderDim[d] == null) {
                orderDim[d] = new int[orderDay.length];
                Arrays.fill(orderDim[d], 0, orders, orderConstant[d]);
            }
            return orderDim[d];
        }

        private void ensureOrderCapacity(int needed) {
            if (needed <= orderDay.length) {
                return;
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(Math.max(needed, expectedOrders), 2L * orderDay.length));
            orderDay = Arrays.copyOf(orderDay, capacity);
            for (int d = 0; d < DIMENSIONS; d++) {
                if (orderDim[d] != null) {
                    orderDim[d] = Arrays.copyOf(orderDim[d], capacity);
                }
            }
            orderCustomer = Arrays.copyOf(orderCustomer, capacity);
            orderSales = Arrays.copyOf(orderSales, capacity);
            orderCogs = Arrays.copyOf(orderCogs, capacity);
            orderDelta = Arrays.copyOf(orderDelta, capacity);
        }

        /**
         * Registers the host's own dictionary for a cut dimension, for {@link #addOrders}: code
         * {@code i} there means {@code values.get(i)}. A blank value is refused (at build) with its
         * index; registering again replaces the dictionary for later {@code addOrders} calls.
         */
        public Builder dictionary(CutDimension dimension, List<String> values) {
            hostCodes[dimension.ordinal()] = register(values, "dictionary." + FIELDS[dimension.ordinal()],
                    FIELDS[dimension.ordinal()], v -> code(dimension.ordinal(), v));
            hostIdentity[dimension.ordinal()] = identity(hostCodes[dimension.ordinal()]);
            return this;
        }

        /** Registers the host's customer dictionary for {@link #addOrders}: code {@code i} means {@code ids.get(i)}. */
        public Builder customerDictionary(List<String> ids) {
            customers.reserve(ids.size());
            hostCustomers = register(ids, "dictionary.customer", "customer", this::customerCode);
            hostCustomersIdentity = identity(hostCustomers);
            return this;
        }

        private static boolean identity(int[] remap) {
            for (int i = 0; i < remap.length; i++) {
                if (remap[i] != i) {
                    return false;
                }
            }
            return true;
        }

        private int[] register(List<String> values, String what, String field, java.util.function.ToIntFunction<String> code) {
            int[] remap = new int[values.size()];
            for (int i = 0; i < remap.length; i++) {
                String value = values.get(i);
                if (value == null || value.isBlank()) {
                    problems.add(Rejection.of(KpiRejection.DIMENSION_BLANK, subject(what, i), field,
                            "a dictionary value is not blank"));
                    remap[i] = -1;
                } else {
                    remap[i] = code.applyAsInt(value);
                }
            }
            return remap;
        }

        private int customerCode(String customer) {
            return customers.codeOf(customer);
        }

        /**
         * Order rows in bulk, the fast path: rows {@code 0..count-1} of primitive columns, dimension
         * and customer values as codes of the dictionaries registered with {@link #dictionary} and
         * {@link #customerDictionary}, days as epoch days, amounts in minor units, order deltas −1, 0
         * or 1 (as {@link #addOrder}). A dimension's column may be {@code null} when its dictionary
         * has exactly one value (every row has it). Every bad row is refused at build, with its field,
         * exactly as {@link #addOrder} refuses it (a code outside its dictionary counts as a missing
         * value, {@link KpiRejection#DIMENSION_BLANK}); the good rows are kept.
         *
         * @throws IllegalArgumentException if a dictionary is not registered, a {@code null} column's
         *                                  dictionary has not exactly one value, or a column is shorter than {@code count}
         */
        public Builder addOrders(int count, int[] epochDay, int[] orgUnit, int[] territory, int[] channel, int[] productLine,
                                 int[] customer, long[] salesMinor, long[] cogsMinor, byte[] delta) {
            int[][] columns = {orgUnit, territory, channel, productLine};
            int[] single = new int[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                if (hostCodes[d] == null) {
                    throw new IllegalArgumentException("register the " + FIELDS[d] + " dictionary first");
                }
                if (columns[d] == null) {
                    if (hostCodes[d].length != 1) {
                        throw new IllegalArgumentException("a null " + FIELDS[d] + " column needs a dictionary of one value");
                    }
                    single[d] = hostCodes[d][0];
                } else {
                    requireLength(columns[d].length, count, FIELDS[d]);
                }
            }
            if (hostCustomers == null) {
                throw new IllegalArgumentException("register the customer dictionary first");
            }
            requireLength(epochDay.length, count, "date");
            requireLength(customer.length, count, "customer");
            requireLength(salesMinor.length, count, "sales");
            requireLength(cogsMinor.length, count, "cogs");
            requireLength(delta.length, count, "orderDelta");
            boolean valid = allValid(count, epochDay, columns, single, customer, delta);
            if (valid && orders == 0 && orderDay.length == 0 && count >= expectedOrders) {
                adoptCopies(count, epochDay, columns, single, customer, salesMinor, cogsMinor, delta);
                orderInputs += count;
                return this;
            }
            ensureOrderCapacity(orders + count);
            if (valid) {
                copyValid(count, epochDay, columns, single, customer, salesMinor, cogsMinor, delta);
            } else {
                copyRowByRow(count, epochDay, columns, single, customer, salesMinor, cogsMinor, delta);
            }
            orderInputs += count;
            return this;
        }

        /* One read-only pass: is every row valid? */
        private boolean allValid(int count, int[] epochDay, int[][] columns, int[] single, int[] customer, byte[] delta) {
            int minDay = (int) MIN_DATE.toEpochDay();
            int maxDay = (int) MAX_DATE.toEpochDay();
            boolean ok = true;
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            boolean ordered = true;
            int previous = Integer.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                int day = epochDay[i];
                byte rowDelta = delta[i];
                ok &= day >= minDay & day < maxDay & rowDelta >= -1 & rowDelta <= 1;
                low = Math.min(low, day);
                high = Math.max(high, day);
                ordered &= day >= previous;
                previous = day;
            }
            bulkMin = low;
            bulkMax = high;
            bulkInOrder = ordered;
            for (int d = 0; d < DIMENSIONS && ok; d++) {
                ok = columns[d] == null ? single[d] >= 0 : allCoded(columns[d], count, hostCodes[d], hostIdentity[d]);
            }
            return ok && allCoded(customer, count, hostCustomers, hostCustomersIdentity);
        }

        private static boolean allCoded(int[] column, int count, int[] remap, boolean identity) {
            boolean ok = true;
            if (identity) {
                int size = remap.length;
                for (int i = 0; i < count; i++) {
                    int code = column[i];
                    ok &= code >= 0 & code < size;
                }
                return ok;
            }
            for (int i = 0; i < count && ok; i++) {
                ok = remap(remap, column[i]) >= 0;
            }
            return ok;
        }

        /* Every row is valid: whole columns at once. */
        private void copyValid(int count, int[] epochDay, int[][] columns, int[] single, int[] customer, long[] salesMinor,
                               long[] cogsMinor, byte[] delta) {
            int n = orders;
            for (int d = 0; d < DIMENSIONS; d++) {
                if (columns[d] == null) {
                    if (orderDim[d] == null && (n == 0 || orderConstant[d] == single[d])) {
                        orderConstant[d] = single[d];
                    } else {
                        Arrays.fill(column(d), n, n + count, single[d]);
                    }
                } else {
                    copyCodes(columns[d], count, hostCodes[d], hostIdentity[d], column(d), n);
                }
            }
            copyCodes(customer, count, hostCustomers, hostCustomersIdentity, orderCustomer, n);
            System.arraycopy(epochDay, 0, orderDay, n, count);
            System.arraycopy(salesMinor, 0, orderSales, n, count);
            System.arraycopy(cogsMinor, 0, orderCogs, n, count);
            System.arraycopy(delta, 0, orderDelta, n, count);
            trackBulk(count, epochDay);
            orders = n + count;
        }

        /* The first rows of an empty builder, all valid: copies of the host's columns are the columns. */
        private void adoptCopies(int count, int[] epochDay, int[][] columns, int[] single, int[] customer, long[] salesMinor,
                                 long[] cogsMinor, byte[] delta) {
            for (int d = 0; d < DIMENSIONS; d++) {
                if (columns[d] == null) {
                    orderConstant[d] = single[d];
                } else {
                    orderDim[d] = hostIdentity[d] ? Arrays.copyOf(columns[d], count) : remapped(columns[d], count, hostCodes[d]);
                }
            }
            orderCustomer = hostCustomersIdentity ? Arrays.copyOf(customer, count) : remapped(customer, count, hostCustomers);
            orderDay = Arrays.copyOf(epochDay, count);
            orderSales = Arrays.copyOf(salesMinor, count);
            orderCogs = Arrays.copyOf(cogsMinor, count);
            orderDelta = Arrays.copyOf(delta, count);
            trackBulk(count, epochDay);
            orders = count;
        }

        private int track(int day) {
            minOrderDay = Math.min(minOrderDay, day);
            maxOrderDay = Math.max(maxOrderDay, day);
            inDateOrder &= day >= lastOrderDay;
            lastOrderDay = day;
            return day;
        }

        private void trackBulk(int count, int[] epochDay) {
            if (count > 0) {
                minOrderDay = Math.min(minOrderDay, bulkMin);
                maxOrderDay = Math.max(maxOrderDay, bulkMax);
                inDateOrder &= bulkInOrder && epochDay[0] >= lastOrderDay;
                lastOrderDay = epochDay[count - 1];
            }
        }

        private static int[] remapped(int[] from, int count, int[] remap) {
            int[] to = new int[count];
            copyCodes(from, count, remap, false, to, 0);
            return to;
        }

        private static void copyCodes(int[] from, int count, int[] remap, boolean identity, int[] to, int at) {
            if (identity) {
                System.arraycopy(from, 0, to, at, count);
                return;
            }
            for (int i = 0; i < count; i++) {
                to[at + i] = remap[from[i]];
            }
        }

        /* Some rows are refused: row by row, keeping the good ones. */
        private void copyRowByRow(int count, int[] epochDay, int[][] columns, int[] single, int[] customer, long[] salesMinor,
                                  long[] cogsMinor, byte[] delta) {
            int minDay = (int) MIN_DATE.toEpochDay();
            int maxDay = (int) MAX_DATE.toEpochDay();
            int[] codes = new int[DIMENSIONS];
            for (int i = 0; i < count; i++) {
                int day = epochDay[i];
                boolean ok = day >= minDay && day < maxDay;
                for (int d = 0; d < DIMENSIONS; d++) {
                    codes[d] = columns[d] == null ? single[d] : remap(hostCodes[d], columns[d][i]);
                    ok &= codes[d] >= 0;
                }
                int c = remap(hostCustomers, customer[i]);
                byte rowDelta = delta[i];
                ok &= c >= 0 && rowDelta >= -1 && rowDelta <= 1;
                if (!ok) {
                    refuse(orderInputs + i, epochDay[i], columns, i, customer[i], rowDelta);
                    continue;
                }
                for (int d = 0; d < DIMENSIONS; d++) {
                    setDimension(d, codes[d]);
                }
                orderDay[orders] = track(day);
                orderCustomer[orders] = c;
                orderSales[orders] = salesMinor[i];
                orderCogs[orders] = cogsMinor[i];
                orderDelta[orders] = rowDelta;
                orders++;
            }
        }

        private static int remap(int[] codes, int code) {
            return code >= 0 && code < codes.length ? codes[code] : -1;
        }

        private static void requireLength(int length, int count, String column) {
            if (count < 0 || length < count) {
                throw new IllegalArgumentException("the " + column + " column has " + length + " rows, fewer than " + count);
            }
        }

        private void refuse(int index, int day, int[][] columns, int i, int customer, byte delta) {
            if (day < MIN_DATE.toEpochDay() || day >= MAX_DATE.toEpochDay()) {
                problems.add(Rejection.of(KpiRejection.DATE_OUT_OF_RANGE, subject("orders", index), "date",
                        "a fact's date lies in 1900..2299, got epoch day " + day));
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                if (columns[d] != null && remap(hostCodes[d], columns[d][i]) < 0) {
                    problems.add(Rejection.of(KpiRejection.DIMENSION_BLANK, subject("orders", index), FIELDS[d],
                            "every row names its " + FIELDS[d] + " by a code of its dictionary, got " + columns[d][i]));
                }
            }
            if (remap(hostCustomers, customer) < 0) {
                problems.add(Rejection.of(KpiRejection.DIMENSION_BLANK, subject("orders", index), "customer",
                        "an order names its customer by a code of the customer dictionary, got " + customer));
            }
            if (delta < -1 || delta > 1) {
                problems.add(Rejection.of(KpiRejection.ORDER_COUNT_INVALID, subject("orders", index), "orderDelta",
                        "an order row counts −1, 0 or 1 orders, got " + delta));
            }
        }

        /** A revenue actual as an order row (one order unless it reverses another, then −1), with a cost of goods. */
        public Builder addActual(ActualFact fact, String territory, String customer, long cogsMinor) {
            if (!fact.metric().equals(Metric.REVENUE)) {
                throw new IllegalArgumentException("only revenue facts are orders; got " + fact.metric());
            }
            return addOrder(fact.date(), fact.orgUnitId(), territory, fact.channel(), fact.productLine(), customer,
                    fact.amount(), cogsMinor, fact.reverses().isPresent() ? -1 : 1);
        }

        /** Customers known before the table's first row: their first order here is not a new customer. */
        public Builder existingCustomers(Set<String> ids) {
            existingCustomers.addAll(ids);
            return this;
        }

        /** The last day retention can be observed through; the latest row's date by default. */
        public Builder observedThrough(LocalDate date) {
            observedThrough = Optional.of(date);
            return this;
        }

        /** Declares a host measure so that {@link #addMeasure} can use it. */
        public Builder declare(Measure measure) {
            if (measureIndex.containsKey(measure) || measures.stream().anyMatch(m -> m.code().equals(measure.code()))) {
                problems.add(Rejection.of(KpiRejection.MEASURE_CLASH, "kpi-facts:measures", measure.code(),
                        "the measure " + measure.code() + " exists already"));
                return this;
            }
            measureIndex.put(measure, measures.size());
            measures.add(measure);
            return this;
        }

        private int measure(Measure measure) {
            Integer index = measureIndex.get(measure);
            if (index == null) {
                if (measure.code().startsWith("reached.")) {
                    measureIndex.put(measure, measures.size());
                    measures.add(measure);
                    return measures.size() - 1;
                }
                throw new IllegalArgumentException("measure " + measure + " is not declared; call declare(...) first");
            }
            return index;
        }

        /** One value of a measure (built-in or declared) on a date for a cut. */
        public Builder addMeasure(LocalDate date, String orgUnit, String territory, String channel, String productLine,
                                  Measure measure, long value) {
            int m = measure(measure);
            if (!checkRow("rows", rowInputs++, date, orgUnit, territory, channel, productLine)) {
                return this;
            }
            addRow((int) date.toEpochDay(), new int[] {code(UNIT, orgUnit), code(TERRITORY, territory), code(CHANNEL, channel),
                code(PRODUCT_LINE, productLine)}, m, value);
            return this;
        }

        private void addRow(int epochDay, int[] cut, int measure, long value) {
            if (rows == rowDay.length) {
                int capacity = rows * 2;
                rowDay = Arrays.copyOf(rowDay, capacity);
                for (int d = 0; d < DIMENSIONS; d++) {
                    rowDim[d] = Arrays.copyOf(rowDim[d], capacity);
                }
                rowMeasure = Arrays.copyOf(rowMeasure, capacity);
                rowValue = Arrays.copyOf(rowValue, capacity);
            }
            rowDay[rows] = epochDay;
            for (int d = 0; d < DIMENSIONS; d++) {
                rowDim[d][rows] = cut[d];
            }
            rowMeasure[rows] = measure;
            rowValue[rows] = value;
            rows++;
        }

        private Builder nonNegative(String what, long value, LocalDate date, String orgUnit, String territory, String channel,
                                    String productLine, Measure measure) {
            if (value < 0) {
                problems.add(Rejection.of(KpiRejection.NEGATIVE_COUNT, subject("rows", rowInputs++), what,
                        what + " cannot be negative, got " + value).withEvidence(what, value));
                return this;
            }
            return addMeasure(date, orgUnit, territory, channel, productLine, measure, value);
        }

        /** Customer-acquisition spend (minor units, not negative), e.g. from the budget's actual spend. */
        public Builder addAcquisitionSpend(LocalDate date, String orgUnit, String territory, String channel, String productLine,
                                           long spendMinor) {
            return nonNegative("spend", spendMinor, date, orgUnit, territory, channel, productLine, Measure.ACQUISITION_SPEND);
        }

        /** Direct (variable) selling cost booked to a cut, minor units (refunds negative). */
        public Builder addSellingCost(LocalDate date, String orgUnit, String territory, String channel, String productLine,
                                      long costMinor) {
            return addMeasure(date, orgUnit, territory, channel, productLine, Measure.SELLING_COST, costMinor);
        }

        /** One satisfaction survey response, 0..100 points. */
        public Builder addSurvey(LocalDate date, String orgUnit, String territory, String channel, String productLine, int points) {
            if (points < 0 || points > 100) {
                problems.add(Rejection.of(KpiRejection.SCORE_OUT_OF_RANGE, subject("rows", rowInputs++), "points",
                        "a satisfaction score lies in 0..100 points").withEvidence("points", points));
                return this;
            }
            addMeasure(date, orgUnit, territory, channel, productLine, Measure.SATISFACTION_POINTS, points);
            return addMeasure(date, orgUnit, territory, channel, productLine, Measure.SATISFACTION_RESPONSES, 1);
        }

        /**
         * The market of a cut for the calendar month containing {@code month}: its total sales
         * (minor units) and its potential customers; both not negative.
         */
        public Builder addMarket(LocalDate month, String orgUnit, String territory, String channel, String productLine,
                                 long marketSalesMinor, long potentialCustomers) {
            LocalDate first = month.withDayOfMonth(1);
            nonNegative("marketSales", marketSalesMinor, first, orgUnit, territory, channel, productLine, Measure.MARKET_SALES);
            return nonNegative("potentialCustomers", potentialCustomers, first, orgUnit, territory, channel, productLine,
                    Measure.POTENTIAL_CUSTOMER_MONTHS);
        }

        /**
         * Headcount for output per rep: for every REP membership and every period, the days the
         * membership covers in it ({@link Proration#share}), booked to the membership's unit on the
         * period's first day, unattributed along territory, channel and product line.
         */
        public Builder addHeadcount(OrgStructure org, List<Period> periods) {
            for (Membership m : org.memberships()) {
                if (m.role() != Role.REP) {
                    continue;
                }
                DateRange covered = new DateRange(m.from(), m.until().orElse(MAX_DATE));
                for (Period period : periods) {
                    long days = Proration.share(period, covered).coveredDays();
                    if (days > 0) {
                        addMeasure(period.start(), m.unitId(), UNATTRIBUTED, UNATTRIBUTED, UNATTRIBUTED, Measure.REP_DAYS, days);
                    }
                }
            }
            return this;
        }

        /**
         * Funnel cohorts: for every period, the deals created in it (UTC days), per owner, product
         * line and channel, through {@link FunnelReport}: won deals, cycle seconds, visits on won
         * deals and, per stage, the deals that reached it; booked on the period's first day to the
         * owner's unit on that day (else the first unit the owner joins within the period).
         * Owners outside the org structure are refused with {@link KpiRejection#UNKNOWN_ORG_UNIT}.
         */
        public Builder addFunnel(FunnelData data, FunnelReport.Options options, OrgStructure org, List<Period> periods) {
            long[] from = new long[periods.size()];
            long[] to = new long[periods.size()];
            for (int j = 0; j < from.length; j++) {
                from[j] = periods.get(j).start().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                to[j] = periods.get(j).endExclusive().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            List<FunnelReport.CohortCounts> cohorts;
            try {
                cohorts = FunnelReport.cohortCounts(data, from, to, COHORT_DIMENSIONS);
            } catch (IllegalArgumentException overlapping) {
                return addFunnelPerPeriod(data, options, org, periods);
            }
            Map<Long, Optional<String>> units = new HashMap<>();
            for (FunnelReport.CohortCounts cohort : cohorts) {
                int[] codes = cohort.codes();
                Period period = periods.get(cohort.interval());
                String owner = data.value(FunnelData.Dimension.OWNER, codes[2]);
                Optional<String> unit = units.computeIfAbsent((long) cohort.interval() << 32 | codes[2],
                        k -> unitOf(org, owner, period));
                addOwnerCohort(period, owner, unit, data.value(FunnelData.Dimension.PRODUCT_LINE, codes[0]),
                        data.value(FunnelData.Dimension.CHANNEL, codes[1]), cohort.won(), cohort.cycleSeconds(),
                        cohort.visitsOnWon(), cohort.reached());
            }
            return this;
        }

        private void addOwnerCohort(Period period, String owner, Optional<String> unit, String productLine, String channel,
                                    long won, long cycleSeconds, long visitsOnWon, long[] reached) {
            if (unit.isEmpty()) {
                problems.add(Rejection.of(KpiRejection.UNKNOWN_ORG_UNIT, "kpi-facts:funnel", "owner",
                        "owner " + owner + " has no unit in the org structure during " + period.label()));
                return;
            }
            addCohort(period.start(), unit.get(), productLine, channel, won, cycleSeconds, visitsOnWon, reached);
        }

        /* Overlapping periods: one FunnelReport pass per period, product line and channel. */
        private Builder addFunnelPerPeriod(FunnelData data, FunnelReport.Options options, OrgStructure org, List<Period> periods) {
            FunnelData.Dimension pl = FunnelData.Dimension.PRODUCT_LINE;
            FunnelData.Dimension ch = FunnelData.Dimension.CHANNEL;
            for (Period period : periods) {
                FunnelCut cohort = FunnelCut.all().createdIn(period.start().atStartOfDay().toInstant(ZoneOffset.UTC),
                        period.endExclusive().atStartOfDay().toInstant(ZoneOffset.UTC));
                for (int p = 0; p < data.values(pl).size(); p++) {
                    for (int c = 0; c < data.values(ch).size(); c++) {
                        Map<String, FunnelReport> byOwner = FunnelReport.by(FunnelData.Dimension.OWNER, data,
                                cohort.only(pl, p).only(ch, c), options);
                        for (Map.Entry<String, FunnelReport> entry : byOwner.entrySet()) {
                            FunnelReport report = entry.getValue();
                            long[] reached = new long[data.openStages() + 1];
                            for (int s = 0; s < reached.length; s++) {
                                reached[s] = report.reached(s);
                            }
                            addOwnerCohort(period, entry.getKey(), unitOf(org, entry.getKey(), period), data.values(pl).get(p),
                                    data.values(ch).get(c), report.won(), report.cycleSeconds(), report.visitsOnWon(), reached);
                        }
                    }
                }
            }
            return this;
        }

        private static final List<FunnelData.Dimension> COHORT_DIMENSIONS = List.of(FunnelData.Dimension.PRODUCT_LINE,
                FunnelData.Dimension.CHANNEL, FunnelData.Dimension.OWNER);

        /* One cohort's measure rows, coded once (every value here is a valid dimension value). */
        private void addCohort(LocalDate day, String unit, String productLine, String channel, long won, long cycleSeconds,
                               long visitsOnWon, long[] reached) {
            int epochDay = (int) day.toEpochDay();
            int[] cut = {code(UNIT, unit), code(TERRITORY, UNATTRIBUTED), code(CHANNEL, channel), code(PRODUCT_LINE, productLine)};
            rowInputs += 3 + reached.length;
            addRow(epochDay, cut, measure(Measure.DEALS_WON), won);
            addRow(epochDay, cut, measure(Measure.CYCLE_SECONDS), cycleSeconds);
            addRow(epochDay, cut, measure(Measure.VISITS_ON_WON), visitsOnWon);
            for (int s = 0; s < reached.length; s++) {
                addRow(epochDay, cut, reachedMeasure(s), reached[s]);
            }
        }

        /* The index of measure reached.s, looked up once per stage. */
        private int reachedMeasure(int stage) {
            if (stage >= reachedIndex.length) {
                int known = reachedIndex.length;
                reachedIndex = Arrays.copyOf(reachedIndex, stage + 1);
                for (int s = known; s <= stage; s++) {
                    reachedIndex[s] = measure(Measure.reached(s));
                }
            }
            return reachedIndex[stage];
        }

        private static Optional<String> unitOf(OrgStructure org, String member, Period period) {
            List<Membership> on = org.unitsOf(member, period.start());
            if (!on.isEmpty()) {
                return Optional.of(on.stream().filter(m -> m.role() == Role.REP).findFirst().orElse(on.get(0)).unitId());
            }
            return org.memberships().stream().filter(m -> m.memberId().equals(member) && period.contains(m.from()))
                    .map(Membership::unitId).findFirst();
        }

        /** The table, or every problem of every row at once. */
        public Either<Rejected, KpiFacts> build() {
            if (!problems.isEmpty()) {
                return Either.left(new Rejected(problems));
            }
            return Either.right(new KpiFacts(this, customerFlags()));
        }

        /*
         * One pass over the order rows in date order (ties by insertion order): the rows themselves
         * when already in date order, else a counting sort by day. Per customer, the month of its
         * last counted order (read on every row) and that order's row (read when retained).
         */
        private byte[] customerFlags() {
            byte[] flags = new byte[orders];
            if (orders == 0) {
                return flags;
            }
            int minDay = minOrderDay;
            int maxDay = maxOrderDay;
            int span = maxDay - minDay + 1;
            int[] byDate = inDateOrder ? null : sortByDay(minDay, span);
            int[] monthOfDay = monthOfDay(minDay, span);
            LocalDate through = observedThrough.orElse(LocalDate.ofEpochDay(maxDay));
            int lastObservableMonth = through.plusDays(1).getYear() * 12 + through.plusDays(1).getMonthValue() - 1 - 2;
            int[] lastMonth = new int[customers.size()];
            int[] lastRow = new int[customers.size()];
            Arrays.fill(lastMonth, NEVER);
            boolean anyExisting = !existingCustomers.isEmpty();
            for (int n = 0; n < orders; n++) {
                int i = byDate == null ? n : byDate[n];
                if (orderDelta[i] != 1) {
                    continue;
                }
                int c = orderCustomer[i];
                int month = monthOfDay[orderDay[i] - minDay];
                int seen = lastMonth[c];
                if (seen == month) {
                    continue;
                }
                byte flag = ACTIVE;
                if (seen == NEVER) {
                    if (!anyExisting || !existingCustomers.contains(customers.values().get(c))) {
                        flag |= NEW;
                    }
                } else if (seen == month - 1 && seen <= lastObservableMonth) {
                    flags[lastRow[c]] |= RETAINED;
                }
                if (month <= lastObservableMonth) {
                    flag |= COHORT;
                }
                flags[i] |= flag;
                lastMonth[c] = month;
                lastRow[c] = i;
            }
            return flags;
        }

        private static final int NEVER = Integer.MIN_VALUE;

        private int[] sortByDay(int minDay, int span) {
            int[] start = new int[span + 1];
            for (int i = 0; i < orders; i++) {
                start[orderDay[i] - minDay + 1]++;
            }
            for (int d = 0; d < span; d++) {
                start[d + 1] += start[d];
            }
            int[] byDate = new int[orders];
            for (int i = 0; i < orders; i++) {
                byDate[start[orderDay[i] - minDay]++] = i;
            }
            return byDate;
        }

        /* Calendar month number (year × 12 + month − 1) of each day from minDay, filled month by month. */
        private static int[] monthOfDay(int minDay, int span) {
            int[] monthOf = new int[span];
            LocalDate month = LocalDate.ofEpochDay(minDay).withDayOfMonth(1);
            int at = 0;
            while (at < span) {
                LocalDate next = month.plusMonths(1);
                int end = (int) Math.min(span, next.toEpochDay() - minDay);
                Arrays.fill(monthOf, at, end, month.getYear() * 12 + month.getMonthValue() - 1);
                at = end;
                month = next;
            }
            return monthOf;
        }
    }
}
