package dev.saleskernel.funnel;

import java.math.BigDecimal;
import java.util.List;

/** Ready-made pipeline definitions. */
public final class DefaultPipelines {
    private DefaultPipelines() {
    }

    /**
     * The seeds' standard sales process (标准化销售流程), version 1: lead identification (10%) →
     * initial contact (20%) → needs analysis (40%) → proposal (60%) → quotation (75%) →
     * negotiation (90%) → won (100%) / lost (0%). Moves: next, skip ahead, and back; lost deals may
     * be reopened within 90 days into the stage they were lost from. Discounts above 20% need approval.
     */
    public static PipelineDefinition seeds() {
        return new PipelineDefinition("seeds", 1, "Standard sales process", "", "", List.of(
                Stage.open("lead-identification", "Lead identification", "10", ForecastCategory.PIPELINE, 14,
                        EntryCriteria.NONE),
                Stage.open("initial-contact", "Initial contact", "20", ForecastCategory.PIPELINE, 14,
                        EntryCriteria.NONE),
                Stage.open("needs-analysis", "Needs analysis", "40", ForecastCategory.PIPELINE, 21,
                        new EntryCriteria(List.of("expectedCloseDate"), List.of("visit"), List.of())),
                Stage.open("proposal", "Proposal", "60", ForecastCategory.BEST_CASE, 21,
                        new EntryCriteria(List.of("lines"), List.of(), List.of("needs-confirmed"))),
                Stage.open("quotation", "Quotation", "75", ForecastCategory.BEST_CASE, 14,
                        new EntryCriteria(List.of("amount"), List.of(), List.of())),
                Stage.open("negotiation", "Negotiation", "90", ForecastCategory.COMMIT, 30,
                        new EntryCriteria(List.of("nextStep"), List.of(), List.of())),
                Stage.won("won", "Won"),
                Stage.lost("lost", "Lost")),
                new AllowedMoves(true, true, true, "", ""), List.of(),
                new ReopenPolicy(true, 90, "", ""), new BigDecimal("0.20"));
    }
}
