package dev.saleskernel.target;

import dev.saleskernel.period.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a target plan's tree.
 *
 * @param id         the node's path in the plan, e.g. {@code company/north/FY2026-Q1}
 * @param parentId   its parent's id; empty for the root
 * @param key        its key among its siblings (an org unit id, product line, region, channel or period label)
 * @param label      a name for people
 * @param dimension  what the split that made this node divided by (the root's is {@link Dimension#ORG})
 * @param period     the period the node's amount covers
 * @param amount     the target in the plan's unit (minor units of money, or a count)
 * @param weight     the weight the node got in its split; re-decomposition uses it
 * @param locked     a manual override: absorption and re-decomposition never change a locked node
 * @param commitment the bottom-up figure submitted for this node, if any
 * @param children   the children's ids, in split order
 */
public record TargetNode(String id, Optional<String> parentId, String key, String label, Dimension dimension,
                         Period period, long amount, long weight, boolean locked, Optional<Long> commitment,
                         List<String> children) {
    public TargetNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(commitment, "commitment");
        children = List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    TargetNode withAmount(long newAmount) {
        return new TargetNode(id, parentId, key, label, dimension, period, newAmount, weight, locked, commitment, children);
    }

    TargetNode withLocked(boolean newLocked) {
        return new TargetNode(id, parentId, key, label, dimension, period, amount, weight, newLocked, commitment, children);
    }

    TargetNode withCommitment(Optional<Long> newCommitment) {
        return new TargetNode(id, parentId, key, label, dimension, period, amount, weight, locked, newCommitment, children);
    }

    TargetNode withChildren(List<String> newChildren) {
        return new TargetNode(id, parentId, key, label, dimension, period, amount, weight, locked, commitment, newChildren);
    }
}
