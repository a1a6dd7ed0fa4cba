package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.compensation.CompensationRejection;
import dev.saleskernel.compensation.CreditEvent;
import dev.saleskernel.compensation.PayMix;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a compensation plan version (format in {@code docs/guides/compensation.md}, schema in
 * {@code docs/reference/compensation-plan.schema.json}). Rates are fractions (0.05 = 5%, at most 6
 * decimal places); percentages (pay mix, attainment, payouts, gates) are percent figures (60 =
 * 60%, at most 4 decimal places); amounts are decimals in the plan currency with at most its
 * minor-unit digits. Unknown properties are refused (a typo is never silently ignored), except
 * inside the top-level {@code "settlement"} object, which is checked by {@link SettlementTermsReader}
 * (every problem with its path under {@code settlement.}) and kept verbatim for settlement.
 * Every problem is reported at once with its JSON path; then the plan's own rules
 * ({@link PlanVersion#validated()}) are checked, with the same paths.
 */
public final class CompensationPlanReader {
    private static final String SUBJECT = "compensation-plan";

    /** The properties the reader knows, per JSON object kind (the schema lists exactly these). */
    public static final Map<String, Set<String>> PROPERTIES = Map.ofEntries(
            Map.entry("plan", Set.of("id", "version", "name", "effective", "currency", "creditOn", "payMix", "components",
                    "settlement")),
            Map.entry("effective", Set.of("from", "until")),
            Map.entry("payMix", Set.of("base", "incentive")),
            Map.entry("limit", Set.of("amount", "multipleOfTargetIncentive")),
            Map.entry("tier", Set.of("from", "to", "rate", "mode")),
            Map.entry("point", Set.of("attainment", "payout")),
            Map.entry("component", Set.of("id", "type", "gate", "floor", "cap", "yearCap")),
            Map.entry("base-salary", Set.of()),
            Map.entry("flat-rate", Set.of("rate")),
            Map.entry("tiered", Set.of("basis", "tiers")),
            Map.entry("payout-curve", Set.of("interpolation", "points")),
            Map.entry("breakthrough", Set.of("minAttainment", "fixed", "percentOfTargetIncentive")),
            Map.entry("team-pool", Set.of("rate")),
            Map.entry("spiff", Set.of("products", "from", "until", "rate", "perDeal")));

    private final SafeJson json;

    public CompensationPlanReader(SafeJson json) {
        this.json = json;
    }

    public Either<Rejected, PlanVersion> read(String document) {
        return json.parse(SUBJECT, document).flatMap(root -> new Reading(root, json).plan());
    }

    private static final class Reading {
        private final JsonNode root;
        private final SafeJson json;
        private final List<Rejection> problems = new ArrayList<>();
        private int fractionDigits = 2;

        Reading(JsonNode root, SafeJson json) {
            this.root = root;
            this.json = json;
        }

        Either<Rejected, PlanVersion> plan() {
            if (!root.isObject()) {
                return Either.left(Rejected.of(wrong(root, "", "a plan object")));
            }
            known(root, "", PROPERTIES.get("plan"));
            String id = text(root, "id", "a plan id like \"field-sales\"");
            Integer version = whole(root.path("version"), "version");
            String name = text(root, "name", "a plan name");
            Currency currency = currency();
            CreditEvent creditOn = creditOn();
            DateRange effective = effective();
            PayMix mix = payMix();
            List<PlanComponent> components = components();
            Optional<String> settlement = settlement();
            boolean complete = id != null && version != null && name != null && effective != null && currency != null
                    && creditOn != null && mix != null && components.size() == root.path("components").size();
            if (!complete) {
                return Either.left(new Rejected(problems));
            }
            Either<Rejected, PlanVersion> valid =
                    new PlanVersion(id, version, name, effective, currency, creditOn, mix, components, settlement).validated();
            if (problems.isEmpty()) {
                return valid;
            }
            if (valid.isLeft()) {
                problems.addAll(valid.getLeft().reasons());
            }
            return Either.left(new Rejected(problems));
        }

        private Currency currency() {
            JsonNode node = root.path("currency");
            if (!node.isTextual()) {
                problems.add(wrong(node, "currency", "an ISO 4217 code like \"CNY\""));
                return null;
            }
            try {
                Currency currency = Currency.getInstance(node.textValue());
                fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
                return currency;
            } catch (IllegalArgumentException unknown) {
                problems.add(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, "currency", "not an ISO 4217 currency code")
                        .withEvidence("found", node.textValue()));
                return null;
            }
        }

        private CreditEvent creditOn() {
            JsonNode node = root.path("creditOn");
            for (CreditEvent event : List.of(CreditEvent.BOOKING, CreditEvent.INVOICE, CreditEvent.PAYMENT)) {
                if (node.isTextual() && node.textValue().equals(event.jsonName())) {
                    return event;
                }
            }
            problems.add(node.isTextual() ? Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, "creditOn",
                    "a plan earns on \"booking\", \"invoice\" or \"payment\"").withEvidence("found", node.textValue())
                    : wrong(node, "creditOn", "\"booking\", \"invoice\" or \"payment\""));
            return null;
        }

        private DateRange effective() {
            JsonNode node = root.path("effective");
            if (!node.isObject()) {
                problems.add(wrong(node, "effective", "an object {\"from\": date, \"until\": date}"));
                return null;
            }
            known(node, "effective", PROPERTIES.get("effective"));
            LocalDate from = date(node.path("from"), "effective.from");
            LocalDate until = date(node.path("until"), "effective.until");
            if (from != null && until != null && !from.isBefore(until)) {
                problems.add(Rejection.of(CompensationRejection.PLAN_INVALID, SUBJECT, "effective.until",
                        "a plan version ends after it starts"));
                return null;
            }
            return from == null || until == null ? null : DateRange.of(from, until);
        }

        private PayMix payMix() {
            JsonNode node = root.path("payMix");
            if (!node.isObject()) {
                problems.add(wrong(node, "payMix", "an object {\"base\": \"40\", \"incentive\": \"60\"} in percent"));
                return null;
            }
            known(node, "payMix", PROPERTIES.get("payMix"));
            Long base = percent(node.path("base"), "payMix.base");
            Long incentive = percent(node.path("incentive"), "payMix.incentive");
            return base == null || incentive == null ? null : new PayMix(base, incentive);
        }

        private Optional<String> settlement() {
            JsonNode node = root.path("settlement");
            if (node.isMissingNode()) {
                return Optional.empty();
            }
            if (!node.isObject()) {
                problems.add(wrong(node, "settlement", "an object (settlement terms)"));
                return Optional.empty();
            }
            SettlementTermsReader.read(node, "settlement").toEither().swap().forEach(reasons -> reasons.forEach(problems::add));
            return Optional.of(json.write(node));
        }

        private List<PlanComponent> components() {
            JsonNode node = root.path("components");
            if (!node.isArray()) {
                problems.add(wrong(node, "components", "an array of components"));
                return List.of();
            }
            List<PlanComponent> components = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                PlanComponent component = component(node.get(i), "components[" + i + "]");
                if (component != null) {
                    components.add(component);
                }
            }
            return components;
        }

        private PlanComponent component(JsonNode node, String at) {
            if (!node.isObject()) {
                problems.add(wrong(node, at, "a component object"));
                return null;
            }
            JsonNode typeNode = node.path("type");
            if (!typeNode.isTextual()) {
                problems.add(wrong(typeNode, at + ".type", "a component type"));
                return null;
            }
            String type = typeNode.textValue();
            if (!PlanComponent.TYPES.contains(type)) {
                problems.add(Rejection.of(CompensationRejection.UNKNOWN_COMPONENT_TYPE, SUBJECT, at + ".type",
                        "not a component type the calculator knows").withEvidence("found", type)
                        .withEvidence("known", PlanComponent.TYPES));
                return null;
            }
            Set<String> allowed = new LinkedHashSet<>(PROPERTIES.get("component"));
            allowed.addAll(PROPERTIES.get(type));
            known(node, at, allowed);
            String id = text(node, "id", at + ".id", "a component id");
            Limits limits = new Limits(Optional.ofNullable(optionalPercent(node.path("gate"), at + ".gate")),
                    limit(node.path("floor"), at + ".floor"), limit(node.path("cap"), at + ".cap"),
                    limit(node.path("yearCap"), at + ".yearCap"));
            int before = problems.size();
            PlanComponent component = switch (type) {
                case "base-salary" -> new BaseSalary(id, limits);
                case "flat-rate" -> new FlatRate(id, orZero(rate(node.path("rate"), at + ".rate")), limits);
                case "tiered" -> tiered(node, at, id, limits);
                case "payout-curve" -> curve(node, at, id, limits);
                case "breakthrough" -> new Breakthrough(id, orZero(percent(node.path("minAttainment"), at + ".minAttainment")),
                        Optional.ofNullable(optionalAmount(node.path("fixed"), at + ".fixed")),
                        Optional.ofNullable(optionalPercent(node.path("percentOfTargetIncentive"), at + ".percentOfTargetIncentive")),
                        limits);
                case "team-pool" -> new TeamPool(id, orZero(rate(node.path("rate"), at + ".rate")), limits);
                default -> spiff(node, at, id, limits);
            };
            return problems.size() == before && id != null ? component : null;
        }

        private PlanComponent tiered(JsonNode node, String at, String id, Limits limits) {
            Basis read = choice(node.path("basis"), at + ".basis", Basis.values(), Basis.AMOUNT,
                    "tiers are by \"amount\" or by \"attainment\"");
            Basis basis = read == null ? Basis.AMOUNT : read;
            JsonNode tiersNode = node.path("tiers");
            if (!tiersNode.isArray()) {
                problems.add(wrong(tiersNode, at + ".tiers", "an array of tiers"));
                return null;
            }
            List<Tier> tiers = new ArrayList<>();
            for (int i = 0; i < tiersNode.size(); i++) {
                JsonNode tier = tiersNode.get(i);
                String tp = at + ".tiers[" + i + "]";
                if (!tier.isObject()) {
                    problems.add(wrong(tier, tp, "a tier object"));
                    continue;
                }
                known(tier, tp, PROPERTIES.get("tier"));
                Long from = bound(basis, tier.path("from"), tp + ".from");
                Long to = tier.path("to").isMissingNode() || tier.path("to").isNull() ? Long.valueOf(Long.MAX_VALUE)
                        : bound(basis, tier.path("to"), tp + ".to");
                Long rate = rate(tier.path("rate"), tp + ".rate");
                Mode mode = mode(tier.path("mode"), tp + ".mode");
                if (from != null && to != null && rate != null && mode != null) {
                    tiers.add(new Tier(from, to, rate, mode));
                }
            }
            return new Tiered(id, basis, tiers, limits);
        }

        private Mode mode(JsonNode node, String at) {
            return choice(node, at, Mode.values(), Mode.MARGINAL, "a tier is \"marginal\" or \"retroactive\"");
        }

        /** The enum constant named in lower case, the default when absent, or null with a problem. */
        private <E extends Enum<E>> E choice(JsonNode node, String at, E[] values, E absent, String message) {
            if (node.isMissingNode()) {
                return absent;
            }
            for (E value : values) {
                if (node.isTextual() && node.textValue().equals(value.name().toLowerCase(Locale.ROOT))) {
                    return value;
                }
            }
            problems.add(Rejection.of(CompensationRejection.PLAN_INVALID, SUBJECT, at, message));
            return null;
        }

        private Long bound(Basis basis, JsonNode node, String at) {
            return basis == Basis.AMOUNT ? amount(node, at) : percent(node, at);
        }

        private PlanComponent curve(JsonNode node, String at, String id, Limits limits) {
            Interpolation interpolation = choice(node.path("interpolation"), at + ".interpolation", Interpolation.values(),
                    Interpolation.LINEAR, "a curve reads as \"steps\" or \"linear\"");
            JsonNode pointsNode = node.path("points");
            if (!pointsNode.isArray()) {
                problems.add(wrong(pointsNode, at + ".points", "an array of {\"attainment\", \"payout\"} points in percent"));
                return null;
            }
            List<CurvePoint> points = new ArrayList<>();
            for (int i = 0; i < pointsNode.size(); i++) {
                JsonNode point = pointsNode.get(i);
                String pp = at + ".points[" + i + "]";
                if (!point.isObject()) {
                    problems.add(wrong(point, pp, "a point object"));
                    continue;
                }
                known(point, pp, PROPERTIES.get("point"));
                Long attainment = percent(point.path("attainment"), pp + ".attainment");
                Long payout = percent(point.path("payout"), pp + ".payout");
                if (attainment != null && payout != null) {
                    points.add(new CurvePoint(attainment, payout));
                }
            }
            return interpolation == null ? null : new PayoutCurve(id, interpolation, points, limits);
        }

        private PlanComponent spiff(JsonNode node, String at, String id, Limits limits) {
            JsonNode productsNode = node.path("products");
            Set<String> products = new TreeSet<>();
            if (!productsNode.isMissingNode()) {
                if (!productsNode.isArray()) {
                    problems.add(wrong(productsNode, at + ".products", "an array of product ids"));
                } else {
                    for (int i = 0; i < productsNode.size(); i++) {
                        JsonNode product = productsNode.get(i);
                        if (product.isTextual() && !product.textValue().isBlank()) {
                            products.add(product.textValue());
                        } else {
                            problems.add(wrong(product, at + ".products[" + i + "]", "a product id"));
                        }
                    }
                }
            }
            LocalDate from = date(node.path("from"), at + ".from");
            LocalDate until = date(node.path("until"), at + ".until");
            Long rate = optionalRate(node.path("rate"), at + ".rate");
            Long perDeal = optionalAmount(node.path("perDeal"), at + ".perDeal");
            return from == null || until == null ? null
                    : new Spiff(id, products, from, until, Optional.ofNullable(rate), Optional.ofNullable(perDeal), limits);
        }

        private Optional<Limit> limit(JsonNode node, String at) {
            if (node.isMissingNode()) {
                return Optional.empty();
            }
            if (!node.isObject() || node.size() != 1) {
                problems.add(wrong(node, at, "{\"amount\": \"1000.00\"} or {\"multipleOfTargetIncentive\": \"2\"}"));
                return Optional.empty();
            }
            known(node, at, PROPERTIES.get("limit"));
            if (node.has("amount")) {
                Long amount = amount(node.path("amount"), at + ".amount");
                return amount == null ? Optional.empty() : Optional.of(new Limit(amount, false));
            }
            if (node.has("multipleOfTargetIncentive")) {
                Long multiple = scaled(node.path("multipleOfTargetIncentive"), at + ".multipleOfTargetIncentive", 6,
                        "a multiple like \"2\" or \"1.5\"");
                return multiple == null ? Optional.empty() : Optional.of(new Limit(multiple, true));
            }
            return Optional.empty();
        }

        // ------------------------------------------------------------------ scalars

        private Long amount(JsonNode node, String at) {
            return scaled(node, at, fractionDigits, "an amount like \"5000.00\"");
        }

        private Long optionalAmount(JsonNode node, String at) {
            return node.isMissingNode() ? null : amount(node, at);
        }

        private Long rate(JsonNode node, String at) {
            return scaled(node, at, 6, "a rate as a fraction like \"0.05\"");
        }

        private Long optionalRate(JsonNode node, String at) {
            return node.isMissingNode() ? null : rate(node, at);
        }

        /** Percent figures become millionths of one: "60" → 600,000. */
        private Long percent(JsonNode node, String at) {
            return scaled(node, at, 4, "a percentage like \"60\" or \"112.5\"");
        }

        private Long optionalPercent(JsonNode node, String at) {
            return node.isMissingNode() ? null : percent(node, at);
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }

        /** A decimal moved {@code digits} places right, exact; more decimal places than that are refused. */
        private Long scaled(JsonNode node, String at, int digits, String expected) {
            var decimal = JsonDecimals.read(node, SUBJECT, at);
            if (decimal.isEmpty()) {
                problems.add(wrong(node, at, expected));
                return null;
            }
            if (decimal.get().isInvalid()) {
                problems.add(decimal.get().getError());
                return null;
            }
            BigDecimal value = decimal.get().get().stripTrailingZeros();
            if (value.scale() > digits) {
                problems.add(Rejection.of(CompensationRejection.PLAN_INVALID, SUBJECT, at,
                        "at most " + digits + " decimal places here").withEvidence("found", value.toPlainString()));
                return null;
            }
            try {
                return value.movePointRight(digits).longValueExact();
            } catch (ArithmeticException tooLarge) {
                problems.add(Rejection.of(CompensationRejection.AMOUNT_TOO_LARGE, SUBJECT, at, "too large"));
                return null;
            }
        }

        private Integer whole(JsonNode node, String at) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            problems.add(wrong(node, at, "a whole number like 1"));
            return null;
        }

        private String text(JsonNode parent, String name, String expected) {
            return text(parent, name, name, expected);
        }

        private String text(JsonNode parent, String name, String at, String expected) {
            JsonNode node = parent.path(name);
            if (node.isTextual()) {
                return node.textValue();
            }
            problems.add(wrong(node, at, expected));
            return null;
        }

        private LocalDate date(JsonNode node, String at) {
            if (!node.isTextual()) {
                problems.add(wrong(node, at, "a date like \"2026-01-01\""));
                return null;
            }
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                problems.add(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, at, "not an ISO date (yyyy-mm-dd)")
                        .withEvidence("found", node.textValue()));
                return null;
            }
        }

        private void known(JsonNode node, String at, Set<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT, at.isEmpty() ? name : at + "." + name,
                            "not a property here").withEvidence("known", new TreeSet<>(allowed)));
                }
            }
        }

        private static Rejection wrong(JsonNode node, String path, String expected) {
            return node.isMissingNode() || node.isNull()
                    ? Rejection.of(InputRejection.JSON_REQUIRED, SUBJECT, path, "required: " + expected)
                    : Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path, "expected " + expected)
                    .withEvidence("found", node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }
}
