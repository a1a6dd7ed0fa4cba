package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.funnel.AllowedMoves;
import dev.saleskernel.funnel.EntryCriteria;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.PipelineDefined;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.ReopenPolicy;
import dev.saleskernel.funnel.Stage;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.funnel.TransitionRule;
import dev.saleskernel.internal.json.SafeJson;
import java.math.BigDecimal;
import java.util.List;

/**
 * Schema version 1 of the {@code pipeline-definition} record: one record per pipeline version,
 * id {@code <pipelineId>@v<version>}.
 */
public final class PipelineDefinitionCodec extends DocumentCodec<PipelineDefinition, PipelineDefinitionCodec.DefinitionDocument> {
    public static final String RECORD_TYPE = "pipeline-definition";

    public record EntryDocument(@JsonProperty("requiredFields") List<String> requiredFields,
                                @JsonProperty("requiredActivities") List<String> requiredActivities,
                                @JsonProperty("checklist") List<String> checklist) {
    }

    public record StageDocument(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                @JsonProperty("kind") String kind, @JsonProperty("probability") String probability,
                                @JsonProperty("minProbability") String minProbability,
                                @JsonProperty("maxProbability") String maxProbability,
                                @JsonProperty("forecastCategory") String forecastCategory,
                                @JsonProperty("maxDaysInStage") int maxDaysInStage,
                                @JsonProperty("entry") EntryDocument entry) {
    }

    public record MovesDocument(@JsonProperty("next") boolean next, @JsonProperty("skipAhead") boolean skipAhead,
                                @JsonProperty("back") boolean back, @JsonProperty("skipRole") String skipRole,
                                @JsonProperty("backRole") String backRole) {
    }

    public record RuleDocument(@JsonProperty("from") String from, @JsonProperty("to") String to,
                               @JsonProperty("role") String role, @JsonProperty("during") List<String> during,
                               @JsonProperty("after") List<String> after) {
    }

    public record ReopenDocument(@JsonProperty("allowed") boolean allowed, @JsonProperty("withinDays") int withinDays,
                                 @JsonProperty("toStage") String toStage, @JsonProperty("role") String role) {
    }

    public record DefinitionDocument(@JsonProperty("id") String id, @JsonProperty("version") int version,
                                     @JsonProperty("name") String name, @JsonProperty("productLine") String productLine,
                                     @JsonProperty("channel") String channel,
                                     @JsonProperty("stages") List<StageDocument> stages,
                                     @JsonProperty("moves") MovesDocument moves,
                                     @JsonProperty("rules") List<RuleDocument> rules,
                                     @JsonProperty("reopen") ReopenDocument reopen,
                                     @JsonProperty("discountThreshold") String discountThreshold) {
    }

    public PipelineDefinitionCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, DefinitionDocument.class, List.of());
    }

    /** The record id of one version of one pipeline. */
    public static String recordIdOf(String pipelineId, int version) {
        return pipelineId + "@v" + version;
    }

    @Override
    public String recordId(PipelineDefinition definition) {
        return recordIdOf(definition.id(), definition.version());
    }

    private static String kebab(Enum<?> value) {
        return value.name().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
    }

    private static String constant(String kebab) {
        return kebab.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    protected DefinitionDocument toDocument(PipelineDefinition d) {
        return new DefinitionDocument(d.id(), d.version(), d.name(), d.productLine(), d.channel(),
                d.stages().stream().map(s -> new StageDocument(s.id(), s.name(), kebab(s.kind()),
                        s.defaultProbability().toPlainString(), s.minProbability().toPlainString(),
                        s.maxProbability().toPlainString(), kebab(s.forecastCategory()), s.maxDaysInStage(),
                        new EntryDocument(s.entry().requiredFields(), s.entry().requiredActivities(),
                                s.entry().checklist()))).toList(),
                new MovesDocument(d.moves().next(), d.moves().skipAhead(), d.moves().back(), d.moves().skipRole(),
                        d.moves().backRole()),
                d.rules().stream().map(r -> new RuleDocument(r.from(), r.to(), r.requiredRole(), r.duringInputs(),
                        r.afterActions())).toList(),
                new ReopenDocument(d.reopen().allowed(), d.reopen().withinDays(), d.reopen().toStage(),
                        d.reopen().requiredRole()),
                d.discountThreshold().toPlainString());
    }

    @Override
    protected PipelineDefinition fromDocument(DefinitionDocument d) {
        return new PipelineDefinition(d.id(), d.version(), d.name(), d.productLine(), d.channel(),
                d.stages().stream().map(s -> new Stage(s.id(), s.name(), StageKind.valueOf(constant(s.kind())),
                        new BigDecimal(s.probability()), new BigDecimal(s.minProbability()),
                        new BigDecimal(s.maxProbability()), ForecastCategory.valueOf(constant(s.forecastCategory())),
                        s.maxDaysInStage(), new EntryCriteria(s.entry().requiredFields(), s.entry().requiredActivities(),
                        s.entry().checklist()))).toList(),
                new AllowedMoves(d.moves().next(), d.moves().skipAhead(), d.moves().back(), d.moves().skipRole(),
                        d.moves().backRole()),
                d.rules().stream().map(r -> new TransitionRule(r.from(), r.to(), r.role(), r.during(), r.after())).toList(),
                new ReopenPolicy(d.reopen().allowed(), d.reopen().withinDays(), d.reopen().toStage(), d.reopen().role()),
                new BigDecimal(d.discountThreshold()));
    }

    /** Registers the payload of {@link PipelineDefined}. */
    public static EventCodec registerEvents(EventCodec events) {
        record Defined(@JsonProperty("pipelineId") String pipelineId, @JsonProperty("version") int version,
                       @JsonProperty("name") String name) {
        }
        return events.register(PipelineDefined.class, "funnel.pipeline-defined",
                e -> new Defined(e.pipelineId(), e.version(), e.name()));
    }
}
