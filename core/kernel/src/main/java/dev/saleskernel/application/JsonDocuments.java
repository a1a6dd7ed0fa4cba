package dev.saleskernel.application;

import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.internal.json.CompensationPlanReader;
import dev.saleskernel.internal.json.ExchangeRatesReader;
import dev.saleskernel.internal.json.PipelineDefinitionReader;
import dev.saleskernel.internal.json.RiskRulesReader;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.internal.json.SettlementTermsReader;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.money.ExchangeRateTable;
import dev.saleskernel.risk.RuleDefinition;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.util.List;

/**
 * Reads the JSON documents a host hands to Sales Kernel. Every reader holds documents to the
 * same limits (4 MiB, nesting depth 64, number literals of 64 characters, strings of 1 MiB),
 * never lets a document choose a Java class, checks every amount's length, magnitude and scale
 * before using it, and reports every problem at once with its JSON path.
 */
public final class JsonDocuments {
    private static final SafeJson JSON = SafeJson.withDefaultLimits();

    private JsonDocuments() {
    }

    /**
     * Dated exchange rates:
     * <pre>{@code {"rates": [{"from": "USD", "to": "CNY", "rate": "7.1234", "effectiveFrom": "2026-01-01"}]}}</pre>
     * Rates are exact decimals (a JSON string or number) greater than zero, with at most 18
     * integer digits and 12 decimal places; a pair may have one rate per effective date.
     */
    public static Either<Rejected, ExchangeRateTable> exchangeRates(String json) {
        return new ExchangeRatesReader(JSON).read(json);
    }

    /**
     * A pipeline definition (format in {@code docs/guides/funnel.md}), refused with every shape
     * problem by JSON path, or — if well shaped — with every reason it cannot work
     * ({@link PipelineDefinition#validated()}).
     */
    public static Either<Rejected, PipelineDefinition> pipelineDefinition(String json) {
        return new PipelineDefinitionReader(JSON).read(json);
    }

    /**
     * Risk rule definitions for the built-in rule kinds:
     * <pre>{@code {"rules": [{"id": "process.stalled-deal", "version": 2, "kind": "stalled-deal",
     *   "parameters": {"graceDays": "5"}, "severity": {"impact": 3, "likelihood": 4},
     *   "response": "Review the deal with its owner this week."}]}}</pre>
     * Ids are unique; versions whole numbers from 1; impact and likelihood 1 to 5; parameters are
     * exact decimals (string or number), never negative, and only those the kind reads
     * ({@link dev.saleskernel.risk.BuiltInRules#PARAMETERS}).
     */
    public static Either<Rejected, List<RuleDefinition>> riskRules(String json) {
        return new RiskRulesReader(JSON).read(json);
    }

    /**
     * A compensation plan's settlement terms (the plan JSON's {@code "settlement"} object, schema
     * {@code docs/reference/compensation-settlement.schema.json}):
     * <pre>{@code {"advances": {"rate": "0.80"}, "annualComponents": ["annual-bonus"],
     *  "draw": {"kind": "recoverable", "amount": "1500.00", "yearEnd": "forgive"},
     *  "hold": {"share": "0.25", "until": "payment-received"},
     *  "clawback": {"windowDays": 90, "mode": "prorated", "reducesAttainment": true}}}</pre>
     * Only {@code clawback} is required; unknown members are refused; shares are 0 to 1 with at
     * most 6 decimals; every problem is reported at once with its JSON path.
     */
    public static Either<Rejected, SettlementTerms> settlementTerms(String json) {
        return new SettlementTermsReader(JSON).read(json);
    }

    /**
     * A compensation plan version (format in {@code docs/guides/compensation.md}, JSON Schema in
     * {@code docs/reference/compensation-plan.schema.json}), refused with every shape problem by
     * JSON path and then with every rule it breaks ({@link PlanVersion#validated()}): tier gaps or
     * overlaps, rates outside 0–1, a pay mix not summing to 100%, unknown component types or
     * properties, negative caps. The optional top-level {@code "settlement"} object is kept
     * verbatim ({@link PlanVersion#settlement()}), not interpreted here.
     */
    public static Either<Rejected, PlanVersion> compensationPlan(String json) {
        return new CompensationPlanReader(JSON).read(json);
    }
}
