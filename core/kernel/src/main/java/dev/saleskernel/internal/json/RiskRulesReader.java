package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.risk.BuiltInRules;
import dev.saleskernel.risk.RuleDefinition;
import dev.saleskernel.risk.Severity;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a document of risk rule definitions:
 * <pre>{@code {"rules": [{"id": "process.stalled-deal", "version": 2, "kind": "stalled-deal",
 *   "parameters": {"graceDays": "5"}, "severity": {"impact": 3, "likelihood": 4},
 *   "response": "Review the deal with its owner this week."}]}}</pre>
 * Every problem is reported at once, each with its JSON path.
 */
public final class RiskRulesReader {
    private static final String SUBJECT = "risk-rules";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    private static final int MAX_RESPONSE = 2000;
    private final SafeJson json;

    public RiskRulesReader(SafeJson json) {
        this.json = json;
    }

    public Either<Rejected, List<RuleDefinition>> read(String document) {
        return json.parse(SUBJECT, document).flatMap(this::read);
    }

    private Either<Rejected, List<RuleDefinition>> read(JsonNode root) {
        JsonNode rules = root.path("rules");
        if (!rules.isArray()) {
            return Either.left(Rejected.of(missingOrWrong(rules, "rules", "an array of rules")));
        }
        Checks checks = Checks.start();
        List<RuleDefinition> read = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "rules[" + i + "]";
            JsonNode rule = rules.get(i);
            JsonNode id = rule.path("id");
            JsonNode version = rule.path("version");
            JsonNode kind = rule.path("kind");
            JsonNode response = rule.path("response");
            JsonNode impact = rule.path("severity").path("impact");
            JsonNode likelihood = rule.path("severity").path("likelihood");
            Checks entry = Checks.start()
                    .require(id.isTextual() && ID.matcher(id.textValue()).matches(), () -> id.isTextual()
                            ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path + ".id",
                            "an id is 1-80 lower-case letters, digits, '.', '_' or '-'")
                            : missingOrWrong(id, path + ".id", "a rule id like \"process.stalled-deal\""))
                    .require(version.canConvertToInt() && version.isIntegralNumber() && version.intValue() >= 1, () ->
                            version.isIntegralNumber() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path + ".version",
                                    "versions are whole numbers from 1")
                                    : missingOrWrong(version, path + ".version", "a version number like 1"))
                    .require(kind.isTextual() && BuiltInRules.KINDS.contains(kind.textValue()), () -> kind.isTextual()
                            ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path + ".kind", "not a built-in rule kind")
                            .withEvidence("known", new TreeMap<>(BuiltInRules.PARAMETERS).keySet())
                            : missingOrWrong(kind, path + ".kind", "a rule kind like \"stalled-deal\""))
                    .require(response.isTextual() && !response.textValue().isBlank() && response.textValue().length() <= MAX_RESPONSE,
                            () -> response.isTextual() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path + ".response",
                                    "a response is 1-" + MAX_RESPONSE + " characters")
                                    : missingOrWrong(response, path + ".response", "the suggested response text"))
                    .require(scale(impact), () -> scaleProblem(impact, path + ".severity.impact"))
                    .require(scale(likelihood), () -> scaleProblem(likelihood, path + ".severity.likelihood"));
            Map<String, BigDecimal> parameters = new TreeMap<>();
            JsonNode params = rule.path("parameters");
            if (!params.isMissingNode() && !params.isObject()) {
                entry = entry.refuse(missingOrWrong(params, path + ".parameters", "an object of named figures"));
            } else if (params.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String at = path + ".parameters." + field.getKey();
                    if (kind.isTextual() && BuiltInRules.PARAMETERS.containsKey(kind.textValue())
                            && !BuiltInRules.PARAMETERS.get(kind.textValue()).contains(field.getKey())) {
                        entry = entry.refuse(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, at,
                                "the rule kind has no such parameter")
                                .withEvidence("known", new java.util.TreeSet<>(BuiltInRules.PARAMETERS.get(kind.textValue()))));
                        continue;
                    }
                    JsonNode value = field.getValue();
                    var decimal = JsonDecimals.read(value, SUBJECT, at).orElseGet(() ->
                            io.vavr.control.Validation.invalid(missingOrWrong(value, at, "a decimal like \"0.15\"")));
                    if (decimal.isValid() && decimal.get().signum() < 0) {
                        entry = entry.refuse(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, at, "parameters are never negative"));
                    } else if (decimal.isValid()) {
                        parameters.put(field.getKey(), decimal.get());
                    } else {
                        entry = entry.refuse(decimal.getError());
                    }
                }
            }
            if (id.isTextual()) {
                String earlier = seen.putIfAbsent(id.textValue(), path);
                entry = entry.require(earlier == null, () -> Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path + ".id",
                        "a second rule with this id (first at " + earlier + ")"));
            }
            checks = checks.include(entry.thenValid(() -> ""));
            if (entry.passed()) {
                read.add(new RuleDefinition(id.textValue(), version.intValue(), kind.textValue(), parameters,
                        new Severity(impact.intValue(), likelihood.intValue()), response.textValue()));
            }
        }
        return checks.thenRight(() -> List.copyOf(read));
    }

    private static boolean scale(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 5;
    }

    private static Rejection scaleProblem(JsonNode node, String path) {
        return node.isIntegralNumber() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, path, "on a scale of 1 to 5")
                : missingOrWrong(node, path, "a whole number from 1 to 5");
    }

    private static Rejection missingOrWrong(JsonNode node, String path, String expected) {
        return node.isMissingNode() || node.isNull()
                ? Rejection.of(InputRejection.JSON_REQUIRED, SUBJECT, path, "required: " + expected)
                : Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path, "expected " + expected)
                .withEvidence("found", node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
