/**
 * Sales forecasting: per owner, team and period, the weighted pipeline, the amounts by forecast
 * category with cumulative roll-ups (closed, commit, best case, pipeline), the historical
 * win rate per stage applied to open deals, the run-rate projection of actuals, forecast versus
 * target and the gap ({@link dev.saleskernel.forecast.Forecasting}); manager adjustments recorded
 * beside the opportunities, never in them ({@link dev.saleskernel.forecast.ForecastSubmission});
 * and forecast accuracy after the period. Only members of the sales organisation enter a forecast.
 */
@SalesStyle
package dev.saleskernel.forecast;

import dev.saleskernel.shared.SalesStyle;
