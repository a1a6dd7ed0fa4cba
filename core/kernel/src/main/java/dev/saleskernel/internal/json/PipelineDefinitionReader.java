package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.funnel.AllowedMoves;
import dev.saleskernel.funnel.EntryCriteria;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.ReopenPolicy;
import dev.saleskernel.funnel.Stage;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.funnel.TransitionRule;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pipeline definition document (see {@code docs/guides/funnel.md}). Every shape problem is
 * reported at once with its JSON path; a well-shaped document is then checked with
 * {@link PipelineDefinition#validated()}, whose reasons name the same paths ({@code stages[2].id}).
 * Probabilities and the discount threshold are exact decimals (JSON string or number) and pass
 * {@link dev.saleskernel.money.AmountInput} first; enums are written in lower kebab case ({@code best-case}).
 */
public final class PipelineDefinitionReader {
    private static final String SUBJECT = "pipeline-definition";
    private static final int MAX_STAGES = 200;
    private static final int MAX_RULES = 10_000;
    private final SafeJson json;

    public PipelineDefinitionReader(SafeJson json) {
        this.json = json;
    }

    public Either<Rejected, PipelineDefinition> read(String document) {
        return json.parse(SUBJECT, document).flatMap(root -> new Pass(root).definition());
    }

    private static final class Pass {
        private final JsonNode root;
        private final List<Rejection> problems = new ArrayList<>();

        Pass(JsonNode root) {
            this.root = root;
        }

        Either<Rejected, PipelineDefinition> definition() {
            String id = text(root, "id", true, "");
            int version = integer(root, "version", true, 1);
            String name = text(root, "name", true, "");
            String productLine = text(root, "productLine", false, "");
            String channel = text(root, "channel", false, "");
            List<Stage> stages = new ArrayList<>();
            List<JsonNode> stageNodes = array(root, "stages", true, MAX_STAGES);
            for (int i = 0; i < stageNodes.size(); i++) {
                Stage stage = stage(stageNodes.get(i), "stages[" + i + "]");
                if (stage != null) {
                    stages.add(stage);
                }
            }
            JsonNode movesNode = object(root, "moves");
            AllowedMoves moves = new AllowedMoves(bool(movesNode, "moves.next", true), bool(movesNode, "moves.skipAhead", false),
                    bool(movesNode, "moves.back", false), text(movesNode, "moves.skipRole", false, ""),
                    text(movesNode, "moves.backRole", false, ""));
            List<TransitionRule> rules = new ArrayList<>();
            List<JsonNode> ruleNodes = array(root, "rules", false, MAX_RULES);
            for (int i = 0; i < ruleNodes.size(); i++) {
                String path = "rules[" + i + "]";
                JsonNode rule = ruleNodes.get(i);
                rules.add(new TransitionRule(text(rule, path + ".from", true, ""), text(rule, path + ".to", true, ""),
                        text(rule, path + ".role", false, ""), strings(rule, path + ".during"),
                        strings(rule, path + ".after")));
            }
            JsonNode reopenNode = object(root, "reopen");
            ReopenPolicy reopen = new ReopenPolicy(bool(reopenNode, "reopen.allowed", false),
                    integer(reopenNode, "reopen.withinDays", false, 0), text(reopenNode, "reopen.toStage", false, ""),
                    text(reopenNode, "reopen.role", false, ""));
            BigDecimal threshold = decimal(root, "discountThreshold", false, BigDecimal.ONE);
            if (!problems.isEmpty()) {
                return Either.left(new Rejected(problems));
            }
            return Rejected.toEither(new PipelineDefinition(id, version, name, productLine, channel, stages, moves,
                    rules, reopen, threshold).validated());
        }

        private Stage stage(JsonNode node, String path) {
            String id = text(node, path + ".id", true, "");
            String name = text(node, path + ".name", false, id);
            StageKind kind = choice(node, path + ".kind", StageKind.class, StageKind.OPEN);
            BigDecimal probability = decimal(node, path + ".probability", true, BigDecimal.ZERO);
            BigDecimal min = decimal(node, path + ".minProbability", false, kind == StageKind.OPEN ? BigDecimal.ZERO : probability);
            BigDecimal max = decimal(node, path + ".maxProbability", false,
                    kind == StageKind.OPEN ? BigDecimal.valueOf(100) : probability);
            ForecastCategory category = choice(node, path + ".forecastCategory", ForecastCategory.class,
                    kind == StageKind.WON ? ForecastCategory.CLOSED : kind == StageKind.LOST ? ForecastCategory.OMITTED
                            : ForecastCategory.PIPELINE);
            int maxDays = integer(node, path + ".maxDaysInStage", false, 0);
            JsonNode entry = object(node, path + ".entry");
            EntryCriteria criteria = new EntryCriteria(strings(entry, path + ".entry.requiredFields"),
                    strings(entry, path + ".entry.requiredActivities"), strings(entry, path + ".entry.checklist"));
            return new Stage(id, name, kind, probability, min, max, category, maxDays, criteria);
        }

        private JsonNode member(JsonNode parent, String path) {
            return parent.path(path.substring(path.lastIndexOf('.') + 1));
        }

        private boolean absent(JsonNode node) {
            return node.isMissingNode() || node.isNull();
        }

        private void problem(JsonNode node, String path, String expected) {
            problems.add(absent(node)
                    ? Rejection.of(InputRejection.JSON_REQUIRED, SUBJECT, path, "required: " + expected)
                    : Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path, "expected " + expected)
                    .withEvidence("found", node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }

        private String text(JsonNode parent, String path, boolean required, String fallback) {
            JsonNode node = member(parent, path);
            if (node.isTextual()) {
                return node.textValue();
            }
            if (required || !absent(node)) {
                problem(node, path, "a text");
            }
            return fallback;
        }

        private boolean bool(JsonNode parent, String path, boolean fallback) {
            JsonNode node = member(parent, path);
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (!absent(node)) {
                problem(node, path, "true or false");
            }
            return fallback;
        }

        private int integer(JsonNode parent, String path, boolean required, int fallback) {
            JsonNode node = member(parent, path);
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            if (required || !absent(node)) {
                problem(node, path, "a whole number");
            }
            return fallback;
        }

        private BigDecimal decimal(JsonNode parent, String path, boolean required, BigDecimal fallback) {
            JsonNode node = member(parent, path);
            Optional<Validation<Rejection, BigDecimal>> read = JsonDecimals.read(node, SUBJECT, path);
            if (read.isEmpty()) {
                if (required || !absent(node)) {
                    problem(node, path, "a decimal like \"12.5\"");
                }
                return fallback;
            }
            Validation<Rejection, BigDecimal> checked = read.get();
            if (checked.isInvalid()) {
                problems.add(checked.getError());
                return fallback;
            }
            return checked.get();
        }

        private <E extends Enum<E>> E choice(JsonNode parent, String path, Class<E> type, E fallback) {
            JsonNode node = member(parent, path);
            if (absent(node)) {
                return fallback;
            }
            if (node.isTextual()) {
                for (E value : type.getEnumConstants()) {
                    if (value.name().replace('_', '-').toLowerCase(Locale.ROOT).equals(node.textValue())) {
                        return value;
                    }
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                allowed.add(value.name().replace('_', '-').toLowerCase(Locale.ROOT));
            }
            problem(node, path, "one of " + allowed);
            return fallback;
        }

        private JsonNode object(JsonNode parent, String path) {
            JsonNode node = member(parent, path);
            if (!absent(node) && !node.isObject()) {
                problem(node, path, "an object");
            }
            return node;
        }

        private List<JsonNode> array(JsonNode parent, String path, boolean required, int max) {
            JsonNode node = member(parent, path);
            List<JsonNode> items = new ArrayList<>();
            if (!node.isArray()) {
                if (required || !absent(node)) {
                    problem(node, path, "an array");
                }
                return items;
            }
            if (node.size() > max) {
                problems.add(Rejection.of(InputRejection.JSON_LIMIT_EXCEEDED, SUBJECT, path, "at most " + max + " entries")
                        .withEvidence("size", node.size()));
                return items;
            }
            node.forEach(items::add);
            return items;
        }

        private List<String> strings(JsonNode parent, String path) {
            List<String> values = new ArrayList<>();
            List<JsonNode> items = array(parent, path, false, MAX_STAGES);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isTextual()) {
                    values.add(items.get(i).textValue());
                } else {
                    problem(items.get(i), path + "[" + i + "]", "a text");
                }
            }
            return values;
        }
    }
}
