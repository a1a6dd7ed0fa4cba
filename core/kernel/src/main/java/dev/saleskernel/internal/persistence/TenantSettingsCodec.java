package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.period.FiscalYearNaming;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.tenant.SettingsValues;
import dev.saleskernel.tenant.TenantEvents;
import dev.saleskernel.tenant.TenantSettings;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Month;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Schema version 1 of the {@code tenant-settings} record, and the payloads of its events. */
public final class TenantSettingsCodec extends DocumentCodec<TenantSettings, TenantSettingsCodec.SettingsDocument> {

    public static final String RECORD_TYPE = "tenant-settings";

    public record ValuesDocument(@JsonProperty("displayName") String displayName,
                                 @JsonProperty("baseCurrency") String baseCurrency,
                                 @JsonProperty("fiscalYearStart") String fiscalYearStart,
                                 @JsonProperty("fiscalYearNaming") String fiscalYearNaming,
                                 @JsonProperty("roundingMode") String roundingMode) {
        static ValuesDocument of(SettingsValues values) {
            return new ValuesDocument(values.displayName(), values.baseCurrency().getCurrencyCode(),
                    values.fiscalYearStart().name(), values.fiscalYearNaming().name(), values.roundingMode().name());
        }

        SettingsValues toValues() {
            return new SettingsValues(displayName, Currency.getInstance(baseCurrency), Month.valueOf(fiscalYearStart),
                    FiscalYearNaming.valueOf(fiscalYearNaming), RoundingMode.valueOf(roundingMode));
        }
    }

    public record PendingDocument(@JsonProperty("proposal") ValuesDocument proposal,
                                  @JsonProperty("proposedBy") String proposedBy,
                                  @JsonProperty("proposedAt") String proposedAt,
                                  @JsonProperty("reason") String reason) {
    }

    public record SettingsDocument(@JsonProperty("tenantId") String tenantId,
                                   @JsonProperty("values") ValuesDocument values,
                                   @JsonProperty("pendingChange") PendingDocument pendingChange,
                                   @JsonProperty("effectiveSince") String effectiveSince) {
    }

    public TenantSettingsCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, SettingsDocument.class, List.of());
    }

    @Override
    public String recordId(TenantSettings aggregate) {
        return TenantSettings.RECORD_ID;
    }

    @Override
    protected SettingsDocument toDocument(TenantSettings settings) {
        PendingDocument pending = settings.pendingChange().map(p -> new PendingDocument(ValuesDocument.of(p.proposal()),
                p.proposedBy().value(), p.proposedAt().toString(), p.reason())).orElse(null);
        return new SettingsDocument(settings.tenantId().value(), ValuesDocument.of(settings.values()), pending,
                settings.effectiveSince().toString());
    }

    @Override
    protected TenantSettings fromDocument(SettingsDocument document) {
        Optional<PendingApproval<SettingsValues>> pending = Optional.ofNullable(document.pendingChange())
                .map(p -> new PendingApproval<>(p.proposal().toValues(), ActorId.of(p.proposedBy()),
                        Instant.parse(p.proposedAt()), p.reason()));
        return TenantSettings.restore(TenantId.of(document.tenantId()), document.values().toValues(), pending,
                Instant.parse(document.effectiveSince()));
    }

    /** Registers the payloads of the tenant-settings events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Configured(@JsonProperty("values") ValuesDocument values) {
        }
        record Proposed(@JsonProperty("proposed") ValuesDocument proposed, @JsonProperty("reason") String reason) {
        }
        record Approved(@JsonProperty("previous") ValuesDocument previous, @JsonProperty("approved") ValuesDocument approved,
                        @JsonProperty("proposedBy") String proposedBy) {
        }
        record RejectedChange(@JsonProperty("proposed") ValuesDocument proposed, @JsonProperty("reason") String reason) {
        }
        return events
                .register(TenantEvents.TenantConfigured.class, "tenant-settings.configured",
                        e -> new Configured(ValuesDocument.of(e.values())))
                .register(TenantEvents.SettingsChangeProposed.class, "tenant-settings.change-proposed",
                        e -> new Proposed(ValuesDocument.of(e.proposed()), e.reason()))
                .register(TenantEvents.SettingsChangeApproved.class, "tenant-settings.change-approved",
                        e -> new Approved(ValuesDocument.of(e.previous()), ValuesDocument.of(e.approved()), e.proposedBy().value()))
                .register(TenantEvents.SettingsChangeRejected.class, "tenant-settings.change-rejected",
                        e -> new RejectedChange(ValuesDocument.of(e.proposed()), e.reason()));
    }
}
