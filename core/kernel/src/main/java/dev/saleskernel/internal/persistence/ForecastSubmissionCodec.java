package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.forecast.ForecastEvents;
import dev.saleskernel.forecast.ForecastSubmission;
import dev.saleskernel.forecast.ForecastSubmission.Adjustment;
import dev.saleskernel.forecast.ForecastSubmission.Figures;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.saleskernel.internal.json.SafeJson;

/** Schema version 1 of the {@code forecast-submission} record, and the payloads of its events. */
public final class ForecastSubmissionCodec extends DocumentCodec<ForecastSubmission, ForecastSubmissionCodec.SubmissionDocument> {

    public static final String RECORD_TYPE = "forecast-submission";

    public record FiguresDocument(@JsonProperty("closed") long closed, @JsonProperty("commit") long commit,
                                  @JsonProperty("bestCase") long bestCase, @JsonProperty("pipeline") long pipeline,
                                  @JsonProperty("weighted") long weighted) {
        static FiguresDocument of(Figures f) {
            return new FiguresDocument(f.closed(), f.commit(), f.bestCase(), f.pipeline(), f.weighted());
        }

        Figures toFigures() {
            return new Figures(closed, commit, bestCase, pipeline, weighted);
        }
    }

    public record LineDocument(@JsonProperty("owner") String owner, @JsonProperty("figures") FiguresDocument figures) {
    }

    public record AdjustmentDocument(@JsonProperty("owner") String owner, @JsonProperty("category") String category,
                                     @JsonProperty("deltaMinor") long deltaMinor, @JsonProperty("reason") String reason,
                                     @JsonProperty("actor") String actor, @JsonProperty("at") String at) {
    }

    public record SubmissionDocument(@JsonProperty("tenantId") String tenantId, @JsonProperty("teamId") String teamId,
                                     @JsonProperty("period") PeriodDocument period,
                                     @JsonProperty("snapshotDate") String snapshotDate,
                                     @JsonProperty("submittedBy") String submittedBy,
                                     @JsonProperty("submittedAt") String submittedAt,
                                     @JsonProperty("lines") List<LineDocument> lines,
                                     @JsonProperty("adjustments") List<AdjustmentDocument> adjustments) {
    }

    public ForecastSubmissionCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, SubmissionDocument.class, List.of());
    }

    @Override
    public String recordId(ForecastSubmission submission) {
        return ForecastSubmission.recordId(submission.teamId(), submission.period());
    }

    @Override
    protected SubmissionDocument toDocument(ForecastSubmission s) {
        return new SubmissionDocument(s.tenantId().value(), s.teamId(), PeriodDocument.of(s.period()), s.snapshotDate().toString(),
                s.submittedBy().value(), s.submittedAt().toString(),
                s.lines().entrySet().stream().map(e -> new LineDocument(e.getKey(), FiguresDocument.of(e.getValue()))).toList(),
                s.adjustments().stream().map(a -> new AdjustmentDocument(a.ownerId(), a.category().name(), a.deltaMinor(), a.reason(),
                        a.actor().value(), a.at().toString())).toList());
    }

    @Override
    protected ForecastSubmission fromDocument(SubmissionDocument d) {
        Map<String, Figures> lines = new LinkedHashMap<>();
        for (LineDocument line : d.lines() == null ? List.<LineDocument>of() : d.lines()) {
            lines.put(line.owner(), line.figures().toFigures());
        }
        List<Adjustment> adjustments = (d.adjustments() == null ? List.<AdjustmentDocument>of() : d.adjustments()).stream()
                .map(a -> new Adjustment(a.owner(), ForecastCategory.valueOf(a.category()), a.deltaMinor(), a.reason(),
                        ActorId.of(a.actor()), Instant.parse(a.at()))).toList();
        return ForecastSubmission.restore(TenantId.of(d.tenantId()), d.teamId(), d.period().toPeriod(),
                LocalDate.parse(d.snapshotDate()), ActorId.of(d.submittedBy()), Instant.parse(d.submittedAt()), lines, adjustments);
    }

    /** Registers the payloads of the forecast-submission events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Submitted(@JsonProperty("teamId") String teamId, @JsonProperty("period") String period,
                         @JsonProperty("snapshotDate") String snapshotDate, @JsonProperty("team") FiguresDocument team) {
        }
        record Adjusted(@JsonProperty("teamId") String teamId, @JsonProperty("period") String period,
                        @JsonProperty("owner") String owner, @JsonProperty("category") String category,
                        @JsonProperty("deltaMinor") long deltaMinor, @JsonProperty("reason") String reason) {
        }
        return events
                .register(ForecastEvents.ForecastSubmitted.class, "forecast.submitted",
                        e -> new Submitted(e.teamId(), e.period(), e.snapshotDate().toString(), FiguresDocument.of(e.team())))
                .register(ForecastEvents.ForecastAdjusted.class, "forecast.adjusted",
                        e -> new Adjusted(e.teamId(), e.period(), e.ownerId(), e.category().name(), e.deltaMinor(), e.reason()));
    }
}
