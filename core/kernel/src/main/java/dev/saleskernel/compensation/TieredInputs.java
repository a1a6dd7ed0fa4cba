package dev.saleskernel.compensation;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A tiered explanation's eight inputs in their order: plan, credited, of which split credit,
 * quota, attainment, tier, tier range, rate. The plan, tier, range and rate inputs are the same
 * for every participant reaching a tier, so they come from an array prepared once per run for
 * that tier; the list keeps only the four that are the participant's own. Immutable (the
 * {@link AbstractList} mutators throw); equal to, and with the hash code of, any list of the same
 * inputs. One object instead of a list and its array for each of a run's statements, and an
 * iterator simple enough for the JIT to remove from a reader's loop.
 */
final class TieredInputs extends AbstractList<Explanation.Input> implements RandomAccess {
    private static final int SIZE = 8;
    /** The plan, tier, tier range and rate inputs, shared by every participant reaching one tier. */
    private final Explanation.Input[] ofTier;
    private final Explanation.Input credited;
    private final Explanation.Input split;
    private final Explanation.Input quota;
    private final Explanation.Input attainment;

    /**
     * @param ofTier the plan, tier, tier range and rate inputs, in that order (not copied: never
     *               changed after it is prepared)
     */
    TieredInputs(Explanation.Input[] ofTier, Explanation.Input credited, Explanation.Input split, Explanation.Input quota,
                 Explanation.Input attainment) {
        this.ofTier = ofTier;
        this.credited = credited;
        this.split = split;
        this.quota = quota;
        this.attainment = attainment;
    }

    /** The plan, tier, tier range and rate inputs as {@link TieredInputs} takes them. */
    static Explanation.Input[] ofTier(Explanation.Input plan, Explanation.Input tier, Explanation.Input range,
                                      Explanation.Input rate) {
        return new Explanation.Input[] {plan, tier, range, rate};
    }

    @Override
    public Explanation.Input get(int index) {
        return switch (Objects.checkIndex(index, SIZE)) {
            case 0 -> ofTier[0];
            case 1 -> credited;
            case 2 -> split;
            case 3 -> quota;
            case 4 -> attainment;
            default -> ofTier[index - 4];
        };
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public Iterator<Explanation.Input> iterator() {
        return new Inputs(this);
    }

    /** In order, read-only. */
    private static final class Inputs implements Iterator<Explanation.Input> {
        private final TieredInputs inputs;
        private int next;

        Inputs(TieredInputs inputs) {
            this.inputs = inputs;
        }

        @Override
        public boolean hasNext() {
            return next < SIZE;
        }

        @Override
        public Explanation.Input next() {
            if (next >= SIZE) {
                throw new NoSuchElementException();
            }
            return inputs.get(next++);
        }
    }
}
