package dev.saleskernel.funnel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One stage of a pipeline.
 *
 * @param id                 stable id, unique in its pipeline (the id pattern of {@link dev.saleskernel.shared.Ids})
 * @param name               name for people
 * @param kind               open, won or lost
 * @param defaultProbability win probability in percent, 0–100, used unless the opportunity overrides it
 * @param minProbability     lowest override allowed in this stage, percent
 * @param maxProbability     highest override allowed in this stage, percent
 * @param forecastCategory   the forecast category of deals in this stage
 * @param maxDaysInStage     days after which a deal in this stage counts as stalled; 0 = no maximum
 * @param entry              the entry criteria
 */
public record Stage(String id, String name, StageKind kind, BigDecimal defaultProbability, BigDecimal minProbability,
                    BigDecimal maxProbability, ForecastCategory forecastCategory, int maxDaysInStage,
                    EntryCriteria entry) {
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultProbability, "defaultProbability");
        Objects.requireNonNull(minProbability, "minProbability");
        Objects.requireNonNull(maxProbability, "maxProbability");
        Objects.requireNonNull(forecastCategory, "forecastCategory");
        Objects.requireNonNull(entry, "entry");
    }

    /** An open stage whose overrides may range over 0–100%. */
    public static Stage open(String id, String name, String probability, ForecastCategory category, int maxDays,
                             EntryCriteria entry) {
        return new Stage(id, name, StageKind.OPEN, new BigDecimal(probability), BigDecimal.ZERO,
                BigDecimal.valueOf(100), category, maxDays, entry);
    }

    public static Stage won(String id, String name) {
        return new Stage(id, name, StageKind.WON, BigDecimal.valueOf(100), BigDecimal.valueOf(100),
                BigDecimal.valueOf(100), ForecastCategory.CLOSED, 0, EntryCriteria.NONE);
    }

    public static Stage lost(String id, String name) {
        return new Stage(id, name, StageKind.LOST, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                ForecastCategory.OMITTED, 0, EntryCriteria.NONE);
    }
}
