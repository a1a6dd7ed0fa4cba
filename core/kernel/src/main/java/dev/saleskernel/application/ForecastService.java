package dev.saleskernel.application;

import dev.saleskernel.forecast.ForecastSubmission;
import dev.saleskernel.forecast.Forecasting;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Use cases of forecast submissions: a team manager submits the team's computed forecast for a
 * period, and managers record adjustments beside it (never in the opportunities). Every command
 * is authorised, idempotent by its command id, and commits state and events together or changes
 * nothing.
 */
public final class ForecastService {
    /** Action names put to the {@link Authorization} port. */
    public static final String SUBMIT = "forecast.submit";
    public static final String ADJUST = "forecast.adjust";

    private final CommandRunner runner;
    private final Repository<ForecastSubmission> submissions;

    ForecastService(CommandRunner runner, Repository<ForecastSubmission> submissions) {
        this.runner = runner;
        this.submissions = submissions;
    }

    /** Submits a team's forecast computed on {@code snapshotDate}; refused if one exists for the team and period. */
    public Either<Rejected, Executed<ForecastSubmission>> submit(CommandContext context, OrgStructure org,
                                                                 Forecasting.TeamForecast forecast, LocalDate snapshotDate) {
        String id = ForecastSubmission.recordId(forecast.team().scope(), forecast.team().period());
        return runner.run(context, SUBMIT, submissions, id, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "forecast-submission:" + id, "",
                "the team's forecast for this period is submitted already; record adjustments instead")))
                : ForecastSubmission.submit(context.tenant(), org, forecast, snapshotDate, context.actor(), at));
    }

    /** Records a manager's adjustment of one member's category, with the reason. */
    public Either<Rejected, Executed<ForecastSubmission>> adjust(CommandContext context, String teamId, Period period,
                                                                 OrgStructure org, String ownerId, ForecastCategory category,
                                                                 long deltaMinor, String reason) {
        String id = ForecastSubmission.recordId(teamId, period);
        return runner.run(context, ADJUST, submissions, id, (current, at) -> current
                .map(s -> s.adjust(org, ownerId, category, deltaMinor, reason, context.actor(), at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "forecast-submission:" + id, "",
                        "no forecast is submitted for this team and period")))));
    }

    /** A team's submission for a period, if any. */
    public Optional<ForecastSubmission> find(TenantId tenant, String teamId, Period period) {
        return submissions.load(tenant, ForecastSubmission.recordId(teamId, period)).map(Loaded::state);
    }
}
