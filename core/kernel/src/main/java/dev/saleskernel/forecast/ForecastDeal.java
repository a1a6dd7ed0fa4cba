package dev.saleskernel.forecast;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.Stage;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.funnel.StageVisit;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What forecasting reads of an opportunity (a read model; the opportunity itself is never written).
 *
 * @param amountMinor      the amount in minor units of the forecast's currency, not negative
 * @param probabilityBp    the probability in hundredths of a percent (60% = 6000)
 * @param stage            the open stage index (0-based) for open deals
 * @param furthestStage    the furthest open stage index the deal's history reached; for a won deal the
 *                         number of open stages (won counts as the stage after the last open one)
 * @param expectedClose    for open deals, the expected close date (empty: the deal is undated and not forecast)
 * @param closedOn         for won or lost deals, the day they closed
 */
public record ForecastDeal(String id, String ownerId, StageKind status, int stage, int furthestStage,
                           ForecastCategory category, long amountMinor, int probabilityBp,
                           Optional<LocalDate> expectedClose, Optional<LocalDate> closedOn) {
    public ForecastDeal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(expectedClose, "expectedClose");
        Objects.requireNonNull(closedOn, "closedOn");
    }

    /** The read model of an opportunity of {@code pipeline} (amount in minor units of its currency). */
    public static ForecastDeal of(Opportunity o, PipelineDefinition pipeline) {
        List<Stage> open = pipeline.openStages();
        int furthest = 0;
        for (StageVisit visit : o.history()) {
            for (int s = 0; s < open.size(); s++) {
                if (open.get(s).id().equals(visit.stageId())) {
                    furthest = Math.max(furthest, s);
                }
            }
        }
        int stage = 0;
        for (int s = 0; s < open.size(); s++) {
            if (open.get(s).id().equals(o.stageId())) {
                stage = s;
            }
        }
        if (o.status() == StageKind.WON) {
            furthest = open.size();
            stage = open.size();
        }
        return new ForecastDeal(o.id(), o.owner().value(), o.status(), stage, furthest, o.forecastCategory(),
                o.amount().toMinorUnits(), o.probability().movePointRight(2).intValueExact(), o.expectedCloseDate(), o.closeDate());
    }
}
