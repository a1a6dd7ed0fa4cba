package dev.saleskernel.funnel.analytics;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.Stage;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.funnel.StageVisit;
import dev.saleskernel.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The compact, column-per-field read model funnel analytics run over: opportunities of pipelines
 * sharing one stage layout, in one currency, with their stage histories flattened into arrays.
 * Times are epoch seconds; amounts are minor units; probabilities are hundredths of a percent
 * (12.5% = 1250). Stage indexes: open stages 0..k−1 in order, k = won, k+1 = lost.
 * Dimension values (owner, team, pipeline, product line, channel) are dictionary codes.
 *
 * <p>Build one with {@link #builder} (or {@link #of(List, PipelineDefinition)} from aggregates);
 * instances are read-only.
 */
public final class FunnelData {
    /** The dimensions reports can be cut by. */
    public enum Dimension { OWNER, TEAM, PIPELINE, PRODUCT_LINE, CHANNEL }

    public static final byte OPEN = 0;
    public static final byte WON = 1;
    public static final byte LOST = 2;

    final Currency currency;
    final String[] stageIds;
    final int[] maxDays;
    final ForecastCategory[] categories;
    final int openStages;
    final int size;
    final String[] ids;
    final long[] createdAt;
    final long[] closedAt;
    final byte[] status;
    final int[] stage;
    final long[] amountMinor;
    final int[] probabilityBp;
    final int[][] dimension;
    final int[] slips;
    final int[] visits;
    final int[] historyStart;
    /* Per opportunity, the furthest open stage its history reached (won counts as openStages; lost does not). */
    final int[] furthest;
    final int[] historyStage;
    final long[] enteredAt;
    final long[] leftAt;
    final Map<Dimension, List<String>> dictionaries;

    private FunnelData(Builder b) {
        currency = b.currency;
        stageIds = b.stageIds;
        maxDays = b.maxDays;
        categories = b.categories;
        openStages = b.openStages;
        size = b.size;
        ids = Arrays.copyOf(b.ids, size);
        createdAt = Arrays.copyOf(b.createdAt, size);
        closedAt = Arrays.copyOf(b.closedAt, size);
        status = Arrays.copyOf(b.status, size);
        stage = Arrays.copyOf(b.stage, size);
        amountMinor = Arrays.copyOf(b.amountMinor, size);
        probabilityBp = Arrays.copyOf(b.probabilityBp, size);
        dimension = new int[Dimension.values().length][];
        for (int d = 0; d < dimension.length; d++) {
            dimension[d] = Arrays.copyOf(b.dimension[d], size);
        }
        slips = Arrays.copyOf(b.slips, size);
        visits = Arrays.copyOf(b.visits, size);
        historyStart = Arrays.copyOf(b.historyStart, size + 1);
        historyStart[size] = b.historyLength;
        furthest = Arrays.copyOf(b.furthest, size);
        historyStage = Arrays.copyOf(b.historyStage, b.historyLength);
        enteredAt = Arrays.copyOf(b.enteredAt, b.historyLength);
        leftAt = Arrays.copyOf(b.leftAt, b.historyLength);
        Map<Dimension, List<String>> dicts = new EnumMap<>(Dimension.class);
        b.dictionaries.forEach((k, v) -> dicts.put(k, List.copyOf(v)));
        dictionaries = dicts;
    }

    public int size() {
        return size;
    }

    public Currency currency() {
        return currency;
    }

    /** The open stage ids in order, then won, then lost. */
    public List<String> stageIds() {
        return List.of(stageIds);
    }

    /** The values of a dimension, indexed by their dictionary codes. */
    public List<String> values(Dimension dimension) {
        return dictionaries.get(dimension);
    }

    /** The number of open stages of the layout (stage indexes 0..openStages−1). */
    public int openStages() {
        return openStages;
    }

    /** The dictionary code of a dimension value, or −1 if no opportunity has it. */
    public int code(Dimension dimension, String value) {
        return dictionaries.get(dimension).indexOf(value);
    }

    public String value(Dimension dimension, int code) {
        return dictionaries.get(dimension).get(code);
    }

    /** The id of the opportunity at an index. */
    public String id(int index) {
        return ids[index];
    }

    /** A builder for a stage layout: the open stages of {@code pipeline}, then won and lost. */
    public static Builder builder(PipelineDefinition pipeline, Currency currency, int expectedSize) {
        return new Builder(pipeline, currency, expectedSize);
    }

    /**
     * The read model of opportunities running on pipelines with {@code layout}'s stages (same
     * ids in the same order), all in one currency. Activities of type {@code visit} count as visits.
     */
    public static FunnelData of(List<Opportunity> opportunities, PipelineDefinition layout) {
        Currency currency = opportunities.isEmpty() ? Currency.getInstance("XXX") : opportunities.get(0).currency();
        Builder builder = builder(layout, currency, opportunities.size());
        for (Opportunity o : opportunities) {
            builder.add(o);
        }
        return builder.build();
    }

    /** Collects opportunities row by row. */
    public static final class Builder {
        private final Currency currency;
        private final String[] stageIds;
        private final int[] maxDays;
        private final ForecastCategory[] categories;
        private final int openStages;
        private final Map<String, Integer> stageIndex = new HashMap<>();
        private final Map<Dimension, List<String>> dictionaries = new EnumMap<>(Dimension.class);
        private final Map<Dimension, Map<String, Integer>> codes = new EnumMap<>(Dimension.class);
        private int size;
        private String[] ids;
        private long[] createdAt;
        private long[] closedAt;
        private byte[] status;
        private int[] stage;
        private long[] amountMinor;
        private int[] probabilityBp;
        private final int[][] dimension = new int[Dimension.values().length][];
        private int[] slips;
        private int[] visits;
        private int[] historyStart;
        private int[] furthest;
        private int historyLength;
        private int[] historyStage;
        private long[] enteredAt;
        private long[] leftAt;

        private Builder(PipelineDefinition pipeline, Currency currency, int expected) {
            this.currency = Objects.requireNonNull(currency, "currency");
            List<Stage> open = pipeline.openStages();
            openStages = open.size();
            stageIds = new String[openStages + 2];
            maxDays = new int[openStages + 2];
            categories = new ForecastCategory[openStages + 2];
            for (int i = 0; i < openStages; i++) {
                stageIds[i] = open.get(i).id();
                maxDays[i] = open.get(i).maxDaysInStage();
                categories[i] = open.get(i).forecastCategory();
            }
            stageIds[openStages] = pipeline.wonStage().id();
            categories[openStages] = ForecastCategory.CLOSED;
            stageIds[openStages + 1] = pipeline.lostStage().id();
            categories[openStages + 1] = ForecastCategory.OMITTED;
            for (int i = 0; i < stageIds.length; i++) {
                stageIndex.put(stageIds[i], i);
            }
            for (Dimension d : Dimension.values()) {
                dictionaries.put(d, new ArrayList<>());
                codes.put(d, new HashMap<>());
            }
            int capacity = Math.max(expected, 16);
            ids = new String[capacity];
            createdAt = new long[capacity];
            closedAt = new long[capacity];
            status = new byte[capacity];
            stage = new int[capacity];
            amountMinor = new long[capacity];
            probabilityBp = new int[capacity];
            for (int d = 0; d < dimension.length; d++) {
                dimension[d] = new int[capacity];
            }
            slips = new int[capacity];
            visits = new int[capacity];
            historyStart = new int[capacity + 1];
            furthest = new int[capacity];
            historyStage = new int[capacity * 6];
            enteredAt = new long[capacity * 6];
            leftAt = new long[capacity * 6];
        }

        /** The index of a stage id in this layout. */
        public int stageIndex(String stageId) {
            Integer index = stageIndex.get(stageId);
            if (index == null) {
                throw new IllegalArgumentException("stage '" + stageId + "' is not in the layout " + List.of(stageIds));
            }
            return index;
        }

        private int codeOf(Dimension d, String value) {
            return codes.get(d).computeIfAbsent(value, v -> {
                dictionaries.get(d).add(v);
                return dictionaries.get(d).size() - 1;
            });
        }

        /** Adds one opportunity of the layout's pipeline (any version with the same stage ids). */
        public Builder add(Opportunity o) {
            if (!o.currency().equals(currency)) {
                throw new IllegalArgumentException("opportunity " + o.id() + " is in " + o.currency()
                        + "; convert to " + currency + " before building the read model");
            }
            int[] stages = new int[o.history().size()];
            long[] entered = new long[stages.length];
            long[] left = new long[stages.length];
            for (int i = 0; i < stages.length; i++) {
                StageVisit v = o.history().get(i);
                stages[i] = stageIndex(v.stageId());
                entered[i] = v.enteredAt().getEpochSecond();
                left[i] = v.leftAt().map(Instant::getEpochSecond).orElse(-1L);
            }
            byte state = o.status() == StageKind.OPEN ? OPEN : o.status() == StageKind.WON ? WON : LOST;
            long closed = state == OPEN ? -1 : entered[entered.length - 1];
            int visitCount = (int) o.activities().stream().filter(a -> a.type().equals("visit")).count();
            String team = o.team().size() == 1 ? o.owner().value() : o.team().stream()
                    .map(s -> s.member().value()).sorted().reduce((a, b) -> a + "+" + b).orElse("");
            return add(o.id(), o.createdAt().getEpochSecond(), closed, state, stageIndex(o.stageId()),
                    o.amount().toMinorUnits(), o.probability().movePointRight(2).intValueExact(),
                    new String[] {o.owner().value(), team, o.pipelineId(), o.productLine(), o.channel()},
                    o.closeDateSlips(), visitCount, stages, entered, left);
        }

        /**
         * Adds one row.
         *
         * @param dimensions owner, team, pipeline, product line, channel (in {@link Dimension} order)
         * @param left       per visit, the epoch second it was left, −1 while open
         */
        public Builder add(String id, long created, long closed, byte state, int currentStage, long amount,
                           int probabilityHundredths, String[] dimensions, int slipCount, int visitCount,
                           int[] stages, long[] entered, long[] left) {
            grow(stages.length);
            ids[size] = id;
            createdAt[size] = created;
            closedAt[size] = closed;
            status[size] = state;
            stage[size] = currentStage;
            amountMinor[size] = amount;
            probabilityBp[size] = probabilityHundredths;
            for (Dimension d : Dimension.values()) {
                dimension[d.ordinal()][size] = codeOf(d, dimensions[d.ordinal()]);
            }
            slips[size] = slipCount;
            visits[size] = visitCount;
            historyStart[size] = historyLength;
            int max = 0;
            for (int st : stages) {
                if (st <= openStages && st > max) {
                    max = st;
                }
            }
            furthest[size] = max;
            System.arraycopy(stages, 0, historyStage, historyLength, stages.length);
            System.arraycopy(entered, 0, enteredAt, historyLength, stages.length);
            System.arraycopy(left, 0, leftAt, historyLength, stages.length);
            historyLength += stages.length;
            size++;
            return this;
        }

        private void grow(int visitsToAdd) {
            if (size == ids.length) {
                int capacity = ids.length * 2;
                ids = Arrays.copyOf(ids, capacity);
                createdAt = Arrays.copyOf(createdAt, capacity);
                closedAt = Arrays.copyOf(closedAt, capacity);
                status = Arrays.copyOf(status, capacity);
                stage = Arrays.copyOf(stage, capacity);
                amountMinor = Arrays.copyOf(amountMinor, capacity);
                probabilityBp = Arrays.copyOf(probabilityBp, capacity);
                for (int d = 0; d < dimension.length; d++) {
                    dimension[d] = Arrays.copyOf(dimension[d], capacity);
                }
                slips = Arrays.copyOf(slips, capacity);
                visits = Arrays.copyOf(visits, capacity);
                historyStart = Arrays.copyOf(historyStart, capacity + 1);
                furthest = Arrays.copyOf(furthest, capacity);
            }
            if (historyLength + visitsToAdd > historyStage.length) {
                int capacity = Math.max(historyStage.length * 2, historyLength + visitsToAdd);
                historyStage = Arrays.copyOf(historyStage, capacity);
                enteredAt = Arrays.copyOf(enteredAt, capacity);
                leftAt = Arrays.copyOf(leftAt, capacity);
            }
        }

        public FunnelData build() {
            return new FunnelData(this);
        }
    }

    Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }
}
