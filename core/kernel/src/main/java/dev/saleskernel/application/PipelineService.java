package dev.saleskernel.application;

import dev.saleskernel.funnel.PipelineDefined;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.PipelineDefinitionCodec;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Stores pipeline definitions per tenant, one record per version. A stored version never changes:
 * a change is the next version ({@code version} = latest + 1). Several pipelines per tenant are
 * told apart by id (e.g. per product line or channel).
 */
public final class PipelineService {
    public static final String DEFINE = "funnel.define-pipeline";

    private final CommandRunner runner;
    private final Repository<PipelineDefinition> definitions;

    PipelineService(CommandRunner runner, Repository<PipelineDefinition> definitions) {
        this.runner = runner;
        this.definitions = definitions;
    }

    /** Stores a new version of a pipeline: version 1 for a new pipeline, else the latest + 1. Refused with every reason. */
    public Either<Rejected, Executed<PipelineDefinition>> define(CommandContext context, PipelineDefinition definition) {
        String recordId = PipelineDefinitionCodec.recordIdOf(definition.id(), definition.version());
        return runner.run(context, DEFINE, definitions, recordId, (current, at) -> {
            Either<Rejected, PipelineDefinition> valid = Rejected.toEither(definition.validated());
            if (valid.isLeft()) {
                return Either.left(valid.getLeft());
            }
            int expected = latest(context.tenant(), definition.id()).map(d -> d.version() + 1).orElse(1);
            if (current.isPresent() || definition.version() != expected) {
                return Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "pipeline:" + definition.id(),
                        "version", "the next version of this pipeline is " + expected)
                        .withEvidence("given", definition.version())));
            }
            return Either.right(Change.of(definition, new PipelineDefined(definition.id(), definition.version(),
                    definition.name(), context.actor(), at)));
        });
    }

    /** One version of a pipeline. */
    public Optional<PipelineDefinition> find(TenantId tenant, String pipelineId, int version) {
        return definitions.load(tenant, PipelineDefinitionCodec.recordIdOf(pipelineId, version)).map(Loaded::state);
    }

    /** The latest version of a pipeline. */
    public Optional<PipelineDefinition> latest(TenantId tenant, String pipelineId) {
        Optional<PipelineDefinition> latest = Optional.empty();
        for (int version = 1; ; version++) {
            Optional<PipelineDefinition> next = find(tenant, pipelineId, version);
            if (next.isEmpty()) {
                return latest;
            }
            latest = next;
        }
    }
}
