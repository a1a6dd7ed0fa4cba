package dev.saleskernel.compensation;

import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, columnar batch of credit lines: one line says that a participant holds
 * {@code amountMinor} minor units of credit from one deal's transaction event on a date. Split
 * shares are already applied (a 40% split of 1,000.00 is a line of 400.00); reversals
 * ({@link CreditEvent#RETURN}, {@link CreditEvent#CANCELLATION}) carry zero or negative amounts,
 * the other events zero or positive ones.
 *
 * <p>Columnar (primitive arrays and id dictionaries) so that a run over millions of lines
 * allocates almost nothing per line. Build one with {@link #builder(int)} or {@link Crediting}.
 */
public final class CreditBatch {
    /** The largest magnitude of one line, in minor units (10^15). */
    public static final long MAX_LINE_MINOR = 1_000_000_000_000_000L;
    /** Credit groups, by kind: the sole rep's credit, split shares, and overlay, roll-up and partner credit. */
    static final int DIRECT_GROUP = 0;
    static final int SPLIT_GROUP = 1;
    static final int OTHER_GROUP = 2;
    /** How many credit groups: a line's slot is {@code group × participants + participant index}. */
    static final int GROUPS = 3;
    /** The most participants one batch names ({@code GROUPS ×} it still fits an int). */
    public static final int MAX_PARTICIPANTS = Integer.MAX_VALUE / GROUPS;

    final String[] participantIds;
    /** Each participant id's {@link String#hashCode()}, so a run maps ids to its participants without reading the strings. */
    final int[] participantHashes;
    /** The deal ids in id order: a line's deal index is its deal's rank by id. */
    final String[] dealIds;
    final String[] productIds;
    /**
     * Each line's participant index and credit group in one int, its slot among the batch's sums
     * by group: {@code group × participantIds.length + index}, the group being
     * {@link #DIRECT_GROUP}, {@link #SPLIT_GROUP} or {@link #OTHER_GROUP} by the line's kind. A
     * run sums credit per participant and group, and this way reads one column for both; the
     * groups lie one after another, so the sums a batch of direct and split lines adds to are
     * two dense runs (see {@link #participantOf(int)}).
     */
    final int[] participantGroup;
    final int[] deal;
    final int[] product;
    final long[] epochDay;
    final byte[] event;
    final byte[] kind;
    final long[] amount;
    final int size;
    /**
     * A summary taken once at build time, so that a run can tell without reading the lines that
     * every line is in its period and counts for its plan and that no sum of lines can overflow:
     * the earliest and latest day, the events present (bit {@code 1 << ordinal}), the largest
     * magnitude of one line, and each participant's number of lines.
     */
    final long firstEpochDay;
    final long lastEpochDay;
    final int eventsPresent;
    final long largestMagnitude;
    final int[] linesOf;

    private CreditBatch(Builder b) {
        this.size = b.size;
        this.participantIds = b.participants.keys();
        this.participantHashes = new int[participantIds.length];
        for (int i = 0; i < participantIds.length; i++) {
            participantHashes[i] = participantIds[i].hashCode();
        }
        String[] byArrival = b.deals.keys();
        int[] rank = rank(byArrival);
        this.dealIds = new String[byArrival.length];
        for (int d = 0; d < byArrival.length; d++) {
            dealIds[rank[d]] = byArrival[d];
        }
        this.productIds = b.products.keys();
        this.participantGroup = new int[size];
        for (int i = 0; i < size; i++) {
            participantGroup[i] = group(b.kind[i]) * participantIds.length + b.participant[i];
        }
        this.deal = new int[size];
        for (int i = 0; i < size; i++) {
            deal[i] = rank[b.deal[i]];
        }
        this.product = Arrays.copyOf(b.product, size);
        this.epochDay = Arrays.copyOf(b.epochDay, size);
        this.event = Arrays.copyOf(b.event, size);
        this.kind = Arrays.copyOf(b.kind, size);
        this.amount = Arrays.copyOf(b.amount, size);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int events = 0;
        long largest = 0;
        int[] lines = new int[participantIds.length];
        for (int i = 0; i < size; i++) {
            first = Math.min(first, epochDay[i]);
            last = Math.max(last, epochDay[i]);
            events |= 1 << event[i];
            largest = Math.max(largest, Math.abs(amount[i]));
            lines[b.participant[i]]++;
        }
        this.firstEpochDay = first;
        this.lastEpochDay = last;
        this.eventsPresent = events;
        this.largestMagnitude = largest;
        this.linesOf = lines;
    }

    /** The credit group of a kind ordinal: direct and split have their own, every other kind shares one. */
    static int group(int kindOrdinal) {
        return Math.min(kindOrdinal, OTHER_GROUP);
    }

    /** Line {@code i}'s participant index (into {@link #participantIds}). */
    int participantOf(int i) {
        return participantGroup[i] - group(kind[i]) * participantIds.length;
    }

    /**
     * Whether every line's day is in {@code [start, end)} and every line's event is among
     * {@code counting} (bit {@code 1 << ordinal}): then no line needs filtering.
     */
    boolean allWithin(long start, long end, int counting) {
        return size == 0 || (firstEpochDay >= start && lastEpochDay < end && (eventsPresent & ~counting) == 0);
    }

    /** Whether no sum of any of the lines can overflow a {@code long}: their magnitudes add up to at most {@link Long#MAX_VALUE}. */
    boolean sumsCannotOverflow() {
        return size == 0 || largestMagnitude <= Long.MAX_VALUE / size;
    }

    private static int[] rank(String[] ids) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        int[] rank = new int[ids.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** A builder expecting about {@code expectedLines} lines. */
    public static Builder builder(int expectedLines) {
        return new Builder(Math.max(16, expectedLines), MAX_PARTICIPANTS);
    }

    /** A builder that names at most {@code maxParticipants} participants (for tests of the limit). */
    static Builder builder(int expectedLines, int maxParticipants) {
        return new Builder(Math.max(16, expectedLines), maxParticipants);
    }

    /** The number of lines. */
    public int size() {
        return size;
    }

    /** Line {@code i} as a value (for inspection and tests; the calculator reads the columns). */
    public CreditLine line(int i) {
        Objects.checkIndex(i, size);
        return new CreditLine(participantIds[participantOf(i)], dealIds[deal[i]], productIds[product[i]],
                LocalDate.ofEpochDay(epochDay[i]), CreditEvent.values()[event[i]], CreditKind.values()[kind[i]], amount[i]);
    }

    /** Every line as values, in batch order. */
    public List<CreditLine> lines() {
        List<CreditLine> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(line(i));
        }
        return lines;
    }

    /** The same lines in another order given as a permutation of line indexes (for order-independence checks). */
    public CreditBatch permuted(int[] order) {
        Builder b = builder(size);
        for (int i : order) {
            CreditLine l = line(i);
            b.add(l.participantId(), l.dealId(), l.productId(), l.date(), l.event(), l.kind(), l.amountMinor());
        }
        return b.buildUnchecked();
    }

    /**
     * One credit line.
     *
     * @param amountMinor the credited amount, minor units, split share applied; ≤ 0 for reversals
     */
    public record CreditLine(String participantId, String dealId, String productId, LocalDate date, CreditEvent event,
                             CreditKind kind, long amountMinor) {
    }

    /** Collects lines; {@link #build()} refuses the batch with every malformed line at once. */
    public static final class Builder {
        private final Dictionary participants = new Dictionary();
        private final Dictionary deals = new Dictionary();
        private final Dictionary products = new Dictionary();
        private int[] participant;
        private int[] deal;
        private int[] product;
        private long[] epochDay;
        private byte[] event;
        private byte[] kind;
        private long[] amount;
        private int size;
        private final int maxParticipants;
        private Checks checks = Checks.start();

        private Builder(int capacity, int maxParticipants) {
            this.maxParticipants = maxParticipants;
            participant = new int[capacity];
            deal = new int[capacity];
            product = new int[capacity];
            epochDay = new long[capacity];
            event = new byte[capacity];
            kind = new byte[capacity];
            amount = new long[capacity];
        }

        /** Adds a line (see {@link CreditLine}); problems are reported by {@link #build()}. */
        public Builder add(String participantId, String dealId, String productId, LocalDate date, CreditEvent creditEvent,
                           CreditKind creditKind, long amountMinor) {
            String at = "lines[" + size + "]";
            boolean present = participantId != null && dealId != null && productId != null && date != null
                    && creditEvent != null && creditKind != null;
            checks = checks.require(present, () -> Rejection.of(CompensationRejection.CREDIT_INVALID, "credit-batch", at,
                            "a credit line names its participant, deal, product, date, event and kind"))
                    .require(amountMinor >= -MAX_LINE_MINOR && amountMinor <= MAX_LINE_MINOR, () -> Rejection.of(
                            CompensationRejection.AMOUNT_TOO_LARGE, "credit-batch", at + ".amount",
                            "a credit line is at most 10^15 minor units"))
                    .require(creditEvent == null || (creditEvent.reversal() ? amountMinor <= 0 : amountMinor >= 0), () ->
                            Rejection.of(CompensationRejection.CREDIT_INVALID, "credit-batch", at + ".amount",
                                    "reversals carry zero or negative credit, other events zero or positive")
                                    .withEvidence("event", creditEvent).withEvidence("amount", amountMinor));
            boolean room = !present || participants.size() < maxParticipants || participants.contains(participantId);
            checks = checks.require(room, () -> Rejection.of(CompensationRejection.CREDIT_INVALID, "credit-batch", at
                    + ".participantId", "a batch names at most " + maxParticipants + " participants"));
            if (!present || !room) {
                return this;
            }
            if (size == participant.length) {
                grow();
            }
            participant[size] = participants.index(participantId);
            deal[size] = deals.index(dealId);
            product[size] = products.index(productId);
            epochDay[size] = date.toEpochDay();
            event[size] = (byte) creditEvent.ordinal();
            kind[size] = (byte) creditKind.ordinal();
            amount[size] = amountMinor;
            size++;
            return this;
        }

        private void grow() {
            int capacity = participant.length * 2;
            participant = Arrays.copyOf(participant, capacity);
            deal = Arrays.copyOf(deal, capacity);
            product = Arrays.copyOf(product, capacity);
            epochDay = Arrays.copyOf(epochDay, capacity);
            event = Arrays.copyOf(event, capacity);
            kind = Arrays.copyOf(kind, capacity);
            amount = Arrays.copyOf(amount, capacity);
        }

        /** The batch, or every malformed line. */
        public Either<Rejected, CreditBatch> build() {
            return checks.thenRight(() -> new CreditBatch(this));
        }

        CreditBatch buildUnchecked() {
            return new CreditBatch(this);
        }
    }

    private static final class Dictionary {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> keys = new ArrayList<>();

        int index(String key) {
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            index.put(key, keys.size());
            keys.add(key);
            return keys.size() - 1;
        }

        boolean contains(String key) {
            return index.containsKey(key);
        }

        int size() {
            return keys.size();
        }

        String[] keys() {
            return keys.toArray(new String[0]);
        }
    }
}
