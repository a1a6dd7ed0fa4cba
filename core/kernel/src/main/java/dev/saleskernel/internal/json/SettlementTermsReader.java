package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.compensation.settlement.SettlementTerms.Advances;
import dev.saleskernel.compensation.settlement.SettlementTerms.Clawback;
import dev.saleskernel.compensation.settlement.SettlementTerms.ClawbackMode;
import dev.saleskernel.compensation.settlement.SettlementTerms.Draw;
import dev.saleskernel.compensation.settlement.SettlementTerms.DrawKind;
import dev.saleskernel.compensation.settlement.SettlementTerms.Hold;
import dev.saleskernel.compensation.settlement.SettlementTerms.HoldCondition;
import dev.saleskernel.compensation.settlement.SettlementTerms.YearEndPolicy;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a plan's settlement terms (schema {@code docs/reference/compensation-settlement.schema.json}):
 * <pre>{@code {"advances": {"rate": "0.80"}, "annualComponents": ["annual-bonus"],
 *  "draw": {"kind": "recoverable", "amount": "1500.00", "yearEnd": "forgive"},
 *  "hold": {"share": "0.25", "until": "payment-received"},
 *  "clawback": {"windowDays": 90, "mode": "prorated", "reducesAttainment": true}}}</pre>
 * Only {@code clawback} is required. Decimals are JSON strings or numbers checked by
 * {@link dev.saleskernel.money.AmountInput}; enums are lower kebab case; unknown members are
 * refused (a misspelt term must not be dropped silently). Every problem is reported at once
 * with its JSON path, then {@link SettlementTerms#validated} checks the ranges.
 *
 * <p>The compensation plan reader calls {@link #read(JsonNode, String)} on the plan's top-level
 * {@code "settlement"} object with the path {@code "settlement"}.
 */
public final class SettlementTermsReader {
    private static final String SUBJECT = "settlement-terms";
    private static final int MAX_ANNUAL_COMPONENTS = 200;
    private final SafeJson json;

    public SettlementTermsReader(SafeJson json) {
        this.json = json;
    }

    /** A standalone document whose root is the settlement object; paths are relative to it. */
    public Either<Rejected, SettlementTerms> read(String document) {
        return json.parse(SUBJECT, document).flatMap(root -> Rejected.toEither(read(root, "")));
    }

    /** The settlement object at {@code path} of a larger document (e.g. {@code "settlement"} of a plan). */
    public static Validation<Seq<Rejection>, SettlementTerms> read(JsonNode node, String path) {
        return new Pass(path).terms(node);
    }

    private static final class Pass {
        private final String prefix;
        private final List<Rejection> problems = new ArrayList<>();

        Pass(String path) {
            this.prefix = path.isEmpty() ? "" : path + ".";
        }

        Validation<Seq<Rejection>, SettlementTerms> terms(JsonNode root) {
            if (!root.isObject()) {
                problems.add(missingOrWrong(root, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                        "the settlement object"));
                return Validation.invalid(io.vavr.collection.List.ofAll(problems));
            }
            known(root, "", "advances", "annualComponents", "draw", "hold", "clawback");
            Optional<Advances> advances = section(root, "advances", "rate")
                    .map(node -> new Advances(decimal(node, "advances.rate")));
            Set<String> annual = new LinkedHashSet<>();
            JsonNode annualNode = root.path("annualComponents");
            if (!absent(annualNode)) {
                if (!annualNode.isArray() || annualNode.size() > MAX_ANNUAL_COMPONENTS) {
                    problems.add(annualNode.isArray() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT,
                            prefix + "annualComponents", "at most " + MAX_ANNUAL_COMPONENTS + " components")
                            : missingOrWrong(annualNode, prefix + "annualComponents", "an array of component ids"));
                } else {
                    for (int i = 0; i < annualNode.size(); i++) {
                        JsonNode id = annualNode.get(i);
                        if (id.isTextual() && !id.textValue().isBlank()) {
                            annual.add(id.textValue());
                        } else {
                            problems.add(id.isTextual() ? Rejection.of(SharedRejection.REQUIRED, SUBJECT,
                                    prefix + "annualComponents[" + i + "]", "a component id is not blank")
                                    : missingOrWrong(id, prefix + "annualComponents[" + i + "]", "a component id"));
                        }
                    }
                }
            }
            Optional<Draw> draw = section(root, "draw", "kind", "amount", "yearEnd")
                    .map(node -> new Draw(choice(node, "draw.kind", DrawKind.class), decimal(node, "draw.amount"),
                            choice(node, "draw.yearEnd", YearEndPolicy.class)));
            Optional<Hold> hold = section(root, "hold", "share", "until")
                    .map(node -> new Hold(decimal(node, "hold.share"), choice(node, "hold.until", HoldCondition.class)));
            JsonNode clawbackNode = root.path("clawback");
            Clawback clawback = null;
            if (!clawbackNode.isObject()) {
                problems.add(missingOrWrong(clawbackNode, prefix + "clawback",
                        "an object like {\"windowDays\": 90, \"mode\": \"full\", \"reducesAttainment\": false}"));
            } else {
                known(clawbackNode, "clawback.", "windowDays", "mode", "reducesAttainment");
                clawback = new Clawback(whole(clawbackNode, "clawback.windowDays"),
                        choice(clawbackNode, "clawback.mode", ClawbackMode.class), bool(clawbackNode, "clawback.reducesAttainment"));
            }
            if (!problems.isEmpty()) {
                return Validation.invalid(io.vavr.collection.List.ofAll(problems));
            }
            return new SettlementTerms(advances, annual, draw, hold, clawback)
                    .validated(SUBJECT, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), Optional.empty());
        }

        private Optional<JsonNode> section(JsonNode root, String name, String... members) {
            JsonNode node = root.path(name);
            if (absent(node)) {
                return Optional.empty();
            }
            if (!node.isObject()) {
                problems.add(missingOrWrong(node, prefix + name, "an object"));
                return Optional.empty();
            }
            known(node, name + ".", members);
            return Optional.of(node);
        }

        private void known(JsonNode node, String at, String... members) {
            Set<String> allowed = Set.of(members);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, prefix + at + name,
                            "not a settlement term").withEvidence("known", String.join(", ", members)));
                }
            }
        }

        private BigDecimal decimal(JsonNode parent, String path) {
            JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
            Validation<Rejection, BigDecimal> value = JsonDecimals.read(node, SUBJECT, prefix + path)
                    .orElseGet(() -> Validation.invalid(missingOrWrong(node, prefix + path, "a decimal like \"0.80\"")));
            if (value.isInvalid()) {
                problems.add(value.getError());
                return BigDecimal.ZERO;
            }
            return value.get();
        }

        private int whole(JsonNode parent, String path) {
            JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            problems.add(missingOrWrong(node, prefix + path, "a whole number of days like 90"));
            return 0;
        }

        private boolean bool(JsonNode parent, String path) {
            JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            problems.add(missingOrWrong(node, prefix + path, "true or false"));
            return false;
        }

        private <E extends Enum<E>> E choice(JsonNode parent, String path, Class<E> type) {
            JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
            E[] values = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (E value : values) {
                String name = value.name().toLowerCase(Locale.ROOT).replace('_', '-');
                names.add(name);
                if (node.isTextual() && node.textValue().equals(name)) {
                    return value;
                }
            }
            problems.add(node.isTextual() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, prefix + path,
                    "not one of " + String.join(", ", names)).withEvidence("value", node.textValue())
                    : missingOrWrong(node, prefix + path, "one of " + String.join(", ", names)));
            return values[0];
        }

        private static boolean absent(JsonNode node) {
            return node.isMissingNode() || node.isNull();
        }

        private static Rejection missingOrWrong(JsonNode node, String path, String expected) {
            return absent(node)
                    ? Rejection.of(InputRejection.JSON_REQUIRED, SUBJECT, path, "required: " + expected)
                    : Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path, "expected " + expected)
                    .withEvidence("found", node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }
}
