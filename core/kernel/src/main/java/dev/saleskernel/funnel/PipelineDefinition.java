package dev.saleskernel.funnel;

import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pipeline: ordered stages (open stages first, then won and lost), the moves allowed between
 * them, the reopen policy for lost deals and the discount above which a line needs approval.
 * A definition is data (see {@code JsonDocuments.pipelineDefinition}); it is versioned, and an
 * opportunity keeps the version it was created on until it is migrated explicitly.
 *
 * <p>Build one freely, then call {@link #validated()}: a definition that cannot work is refused
 * with every reason, each naming the stage id or field.
 *
 * <p>Parts:
 * <ul>
 *   <li>{@code id}: id of the pipeline, unique per tenant (e.g. per product line or channel)</li>
 *   <li>{@code version}: 1, 2, ...; each stored change is a new version</li>
 *   <li>{@code name}: name for people</li>
 *   <li>{@code productLine}: the product line it serves, or empty</li>
 *   <li>{@code channel}: the channel it serves, or empty</li>
 *   <li>{@code stages}: the stages in order; the first is the entry stage</li>
 *   <li>{@code moves}: the generic moves allowed</li>
 *   <li>{@code rules}: explicit transitions with their before/during/after requirements</li>
 *   <li>{@code reopen}: the reopen policy for lost deals</li>
 *   <li>{@code discountThreshold}: a fraction 0–1: a line discount above it needs approval (e.g. 0.15 = 15%)</li>
 * </ul>
 */
public final class PipelineDefinition {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How a move relates to the stage order. */
    public enum Direction { NEXT, SKIP_AHEAD, BACK, TO_LOST }

    /** What an allowed move requires of the mover: a role, inputs during the move, and what it announces after. */
    public record MoveRequirements(Direction direction, List<String> roles, List<String> duringInputs,
                                   List<String> afterActions) {
        public MoveRequirements {
            roles = List.copyOf(roles);
            duringInputs = List.copyOf(duringInputs);
            afterActions = List.copyOf(afterActions);
        }
    }

    private final String id;
    private final int version;
    private final String name;
    private final String productLine;
    private final String channel;
    private final List<Stage> stages;
    private final AllowedMoves moves;
    private final List<TransitionRule> rules;
    private final ReopenPolicy reopen;
    private final BigDecimal discountThreshold;
    private final Map<String, Integer> index = new HashMap<>();
    /** The stage ids in order (null for a repeated id), for the identity scan of {@link #indexOf}. */
    private final String[] stageIds;
    private volatile Optional<MoveRequirements>[][] moveTable;
    /** Per stage, its required fields resolved once; {@code null} where a name is unknown (an invalid definition). */
    private final OpportunityField[][] requiredFields;

    public PipelineDefinition(String id, int version, String name, String productLine, String channel,
                              List<Stage> stages, AllowedMoves moves, List<TransitionRule> rules,
                              ReopenPolicy reopen, BigDecimal discountThreshold) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.name = Objects.requireNonNull(name, "name");
        this.productLine = Objects.requireNonNull(productLine, "productLine");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
        this.moves = Objects.requireNonNull(moves, "moves");
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        this.reopen = Objects.requireNonNull(reopen, "reopen");
        this.discountThreshold = Objects.requireNonNull(discountThreshold, "discountThreshold");
        this.requiredFields = new OpportunityField[this.stages.size()][];
        this.stageIds = new String[this.stages.size()];
        for (int i = 0; i < this.stages.size(); i++) {
            String stageId = this.stages.get(i).id();
            // Only a first occurrence: an identity hit in indexOf is then the index the map holds.
            stageIds[i] = index.putIfAbsent(stageId, i) == null ? stageId : null;
            List<String> names = this.stages.get(i).entry().requiredFields();
            OpportunityField[] fields = new OpportunityField[names.size()];
            boolean known = true;
            for (int f = 0; f < fields.length; f++) {
                Optional<OpportunityField> field = OpportunityField.byName(names.get(f));
                known &= field.isPresent();
                fields[f] = field.orElse(null);
            }
            requiredFields[i] = known ? fields : null;
        }
    }

    /**
     * The required fields of the stage at {@code stageIndex}, resolved when the definition was
     * built; {@code null} when one of the names is not an {@link OpportunityField} (which
     * {@link #validated()} refuses). The array is shared: callers must not change it.
     */
    OpportunityField[] requiredFieldsAt(int stageIndex) {
        return requiredFields[stageIndex];
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String productLine() {
        return productLine;
    }

    public String channel() {
        return channel;
    }

    public List<Stage> stages() {
        return stages;
    }

    public AllowedMoves moves() {
        return moves;
    }

    public List<TransitionRule> rules() {
        return rules;
    }

    public ReopenPolicy reopen() {
        return reopen;
    }

    public BigDecimal discountThreshold() {
        return discountThreshold;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PipelineDefinition d && d.version == version && d.id.equals(id) && d.name.equals(name)
                && d.productLine.equals(productLine) && d.channel.equals(channel) && d.stages.equals(stages)
                && d.moves.equals(moves) && d.rules.equals(rules) && d.reopen.equals(reopen)
                && d.discountThreshold.equals(discountThreshold);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, name, productLine, channel, stages, moves, rules, reopen, discountThreshold);
    }

    @Override
    public String toString() {
        return "PipelineDefinition[id=" + id + ", version=" + version + ", name=" + name + ", stages=" + stages
                + ", moves=" + moves + ", rules=" + rules + ", reopen=" + reopen + ", discountThreshold="
                + discountThreshold + "]";
    }

    private String subject() {
        return "pipeline:" + id + "@v" + version;
    }

    public Optional<Stage> stage(String stageId) {
        Integer i = index.get(stageId);
        return i == null ? Optional.empty() : Optional.of(stages.get(i));
    }

    /** The position of a stage in {@link #stages()}, or −1. */
    public int indexOf(String stageId) {
        // An opportunity moved in memory holds its stage's own id instance: found without hashing.
        for (int i = 0; stageId != null && i < stageIds.length; i++) {
            if (stageIds[i] == stageId) {
                return i;
            }
        }
        return index.getOrDefault(stageId, -1);
    }

    public Stage entryStage() {
        return stages.get(0);
    }

    public Stage wonStage() {
        return stages.stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
    }

    public Stage lostStage() {
        return stages.stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
    }

    /** The open stages, in order. */
    public List<Stage> openStages() {
        return stages.stream().filter(s -> s.kind() == StageKind.OPEN).toList();
    }

    /**
     * Whether moving from {@code from} to {@code to} is allowed, and what it requires. Order is
     * the open stages in order followed by won; lost is reachable from every open stage.
     */
    public Optional<MoveRequirements> move(String from, String to) {
        Integer a = index.get(from);
        Integer b = index.get(to);
        if (a == null || b == null) {
            return Optional.empty();
        }
        return moveAt(a, b);
    }

    /** {@link #move} by stage positions (both valid indexes of {@link #stages()}). */
    Optional<MoveRequirements> moveAt(int from, int to) {
        Optional<MoveRequirements>[][] table = moveTable;
        if (table == null) {
            table = moveTable();
            moveTable = table;
        }
        return table[from][to];
    }

    @SuppressWarnings("unchecked")
    private Optional<MoveRequirements>[][] moveTable() {
        Optional<MoveRequirements>[][] table = new Optional[stages.size()][stages.size()];
        for (int a = 0; a < stages.size(); a++) {
            for (int b = 0; b < stages.size(); b++) {
                table[a][b] = computeMove(stages.get(a).id(), stages.get(b).id());
            }
        }
        return table;
    }

    private Optional<MoveRequirements> computeMove(String from, String to) {
        Optional<Stage> source = stage(from);
        Optional<Stage> target = stage(to);
        if (source.isEmpty() || target.isEmpty() || from.equals(to) || source.get().kind().terminal()) {
            return Optional.empty();
        }
        List<String> roles = new ArrayList<>();
        List<String> during = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Optional<TransitionRule> rule = rules.stream().filter(r -> r.from().equals(from) && r.to().equals(to)).findFirst();
        rule.ifPresent(r -> {
            if (!r.requiredRole().isEmpty()) {
                roles.add(r.requiredRole());
            }
            during.addAll(r.duringInputs());
            after.addAll(r.afterActions());
        });
        if (target.get().kind() == StageKind.LOST) {
            return Optional.of(new MoveRequirements(Direction.TO_LOST, roles, during, after));
        }
        int a = orderOf(from);
        int b = orderOf(to);
        Direction direction = b == a + 1 ? Direction.NEXT : b > a ? Direction.SKIP_AHEAD : Direction.BACK;
        boolean generic = switch (direction) {
            case NEXT -> moves.next();
            case SKIP_AHEAD -> moves.skipAhead();
            case BACK -> moves.back();
            case TO_LOST -> true;
        };
        if (!generic && rule.isEmpty()) {
            return Optional.empty();
        }
        if (rule.isEmpty()) {
            String genericRole = direction == Direction.SKIP_AHEAD ? moves.skipRole()
                    : direction == Direction.BACK ? moves.backRole() : "";
            if (!genericRole.isEmpty()) {
                roles.add(genericRole);
            }
        }
        return Optional.of(new MoveRequirements(direction, roles, during, after));
    }

    private int orderOf(String stageId) {
        List<Stage> open = openStages();
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return open.size();
    }

    /** This definition, or every reason it cannot work, each naming the stage id or field. */
    public Validation<Seq<Rejection>, PipelineDefinition> validated() {
        String subject = subject();
        Checks checks = Checks.start()
                .require(Ids.isValid(id), () -> Rejection.of(FunnelRejection.INVALID_PIPELINE_ID, subject, "id",
                        "a pipeline id is 1–200 characters from [A-Za-z0-9._:@-]"))
                .require(version >= 1, () -> Rejection.of(FunnelRejection.INVALID_PIPELINE_ID, subject, "version",
                        "versions start at 1").withEvidence("version", version))
                .require(discountThreshold.signum() >= 0 && discountThreshold.compareTo(BigDecimal.ONE) <= 0,
                        () -> Rejection.of(FunnelRejection.OUT_OF_RANGE, subject, "discountThreshold",
                                "the discount threshold is a fraction from 0 to 1").withEvidence("discountThreshold",
                                discountThreshold.toPlainString()));
        Set<String> seen = new HashSet<>();
        boolean openSeenAfterTerminal = false;
        boolean terminalSeen = false;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            String path = "stages[" + i + "]";
            checks = checks.include(stageChecks(stage, path, subject).thenValid(() -> stage));
            boolean fresh = seen.add(stage.id());
            checks = checks.require(fresh, () -> Rejection.of(FunnelRejection.DUPLICATE_STAGE_ID, subject, path + ".id",
                    "stage id '" + stage.id() + "' is used more than once").withEvidence("stageId", stage.id()));
            openSeenAfterTerminal |= terminalSeen && stage.kind() == StageKind.OPEN;
            terminalSeen |= stage.kind().terminal();
        }
        long won = stages.stream().filter(s -> s.kind() == StageKind.WON).count();
        long lost = stages.stream().filter(s -> s.kind() == StageKind.LOST).count();
        long open = stages.size() - won - lost;
        boolean finalOpenSeenAfterTerminal = openSeenAfterTerminal;
        checks = checks
                .require(won == 1, () -> Rejection.of(FunnelRejection.TERMINAL_STAGES, subject, "stages",
                        "a pipeline has exactly one won stage").withEvidence("wonStages", won))
                .require(lost == 1, () -> Rejection.of(FunnelRejection.TERMINAL_STAGES, subject, "stages",
                        "a pipeline has exactly one lost stage").withEvidence("lostStages", lost))
                .require(open >= 1, () -> Rejection.of(FunnelRejection.TERMINAL_STAGES, subject, "stages",
                        "a pipeline has at least one open stage"))
                .require(!finalOpenSeenAfterTerminal, () -> Rejection.of(FunnelRejection.STAGE_ORDER, subject, "stages",
                        "won and lost come after every open stage"));
        for (int i = 0; i < rules.size(); i++) {
            TransitionRule rule = rules.get(i);
            String path = "rules[" + i + "]";
            Optional<Stage> from = stage(rule.from());
            checks = checks
                    .require(from.isPresent(), () -> unknown(subject, path + ".from", "stage", rule.from()))
                    .require(stage(rule.to()).isPresent(), () -> unknown(subject, path + ".to", "stage", rule.to()))
                    .require(from.isEmpty() || !from.get().kind().terminal(), () -> Rejection.of(
                            FunnelRejection.UNKNOWN_REFERENCE, subject, path + ".from",
                            "no move leaves a terminal stage (reopening follows the reopen policy)")
                            .withEvidence("stageId", rule.from()))
                    .require(!rule.from().equals(rule.to()), () -> Rejection.of(FunnelRejection.UNKNOWN_REFERENCE,
                            subject, path + ".to", "a rule moves to another stage").withEvidence("stageId", rule.to()));
        }
        Optional<Stage> reopenTarget = stage(reopen.toStage());
        checks = checks
                .require(reopen.withinDays() >= 0, () -> Rejection.of(FunnelRejection.OUT_OF_RANGE, subject,
                        "reopen.withinDays", "days cannot be negative").withEvidence("withinDays", reopen.withinDays()))
                .require(reopen.toStage().isEmpty() || reopenTarget.map(s -> s.kind() == StageKind.OPEN).orElse(false),
                        () -> unknown(subject, "reopen.toStage", "open stage", reopen.toStage()));
        if (checks.passed() && !wonReachable()) {
            checks = checks.refuse(Rejection.of(FunnelRejection.NO_PATH_TO_WON, subject, "stages",
                    "no allowed sequence of moves leads from the entry stage '" + entryStage().id() + "' to won")
                    .withEvidence("entryStage", entryStage().id()));
        }
        return checks.thenValid(() -> this);
    }

    private static Checks stageChecks(Stage stage, String path, String subject) {
        Checks checks = Checks.start()
                .require(Ids.isValid(stage.id()), () -> Rejection.of(FunnelRejection.INVALID_STAGE_ID, subject,
                        path + ".id", "a stage id is 1–200 characters from [A-Za-z0-9._:@-]"))
                .require(stage.maxDaysInStage() >= 0, () -> Rejection.of(FunnelRejection.OUT_OF_RANGE, subject,
                        path + ".maxDaysInStage", "days cannot be negative").withEvidence("maxDaysInStage",
                        stage.maxDaysInStage()));
        for (String[] p : new String[][] {{"defaultProbability"}, {"minProbability"}, {"maxProbability"}}) {
            BigDecimal value = switch (p[0]) {
                case "defaultProbability" -> stage.defaultProbability();
                case "minProbability" -> stage.minProbability();
                default -> stage.maxProbability();
            };
            checks = checks.require(value.signum() >= 0 && value.compareTo(HUNDRED) <= 0, () -> Rejection.of(
                    FunnelRejection.PROBABILITY_OUT_OF_RANGE, subject, path + "." + p[0],
                    "a probability is a percentage from 0 to 100").withEvidence("stageId", stage.id())
                    .withEvidence(p[0], value.toPlainString()));
        }
        checks = checks.require(stage.minProbability().compareTo(stage.defaultProbability()) <= 0
                        && stage.defaultProbability().compareTo(stage.maxProbability()) <= 0,
                () -> Rejection.of(FunnelRejection.PROBABILITY_OUT_OF_RANGE, subject, path + ".defaultProbability",
                        "the default lies within the stage's own bounds").withEvidence("stageId", stage.id()));
        if (stage.kind() == StageKind.WON) {
            checks = checks.require(stage.defaultProbability().compareTo(HUNDRED) == 0
                            && stage.minProbability().compareTo(HUNDRED) == 0,
                    () -> Rejection.of(FunnelRejection.TERMINAL_PROBABILITY, subject, path + ".defaultProbability",
                            "the won stage has probability 100%").withEvidence("stageId", stage.id())
                            .withEvidence("defaultProbability", stage.defaultProbability().toPlainString()));
        }
        if (stage.kind() == StageKind.LOST) {
            checks = checks.require(stage.defaultProbability().signum() == 0 && stage.maxProbability().signum() == 0,
                    () -> Rejection.of(FunnelRejection.TERMINAL_PROBABILITY, subject, path + ".defaultProbability",
                            "the lost stage has probability 0%").withEvidence("stageId", stage.id()));
        }
        for (int f = 0; f < stage.entry().requiredFields().size(); f++) {
            String field = stage.entry().requiredFields().get(f);
            checks = checks.require(OpportunityField.byName(field).isPresent(),
                    () -> unknown(subject, path + ".entry.requiredFields", "field", field));
        }
        return checks;
    }

    private static Rejection unknown(String subject, String field, String what, String value) {
        return Rejection.of(FunnelRejection.UNKNOWN_REFERENCE, subject, field, "no such " + what + ": '" + value + "'")
                .withEvidence("value", value);
    }

    private boolean wonReachable() {
        Map<String, Boolean> visited = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(entryStage().id()));
        String won = wonStage().id();
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(won)) {
                return true;
            }
            if (visited.put(current, true) != null) {
                continue;
            }
            for (Stage next : stages) {
                if (move(current, next.id()).isPresent()) {
                    queue.add(next.id());
                }
            }
        }
        return false;
    }
}
