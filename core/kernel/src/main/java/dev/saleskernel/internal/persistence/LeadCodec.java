package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadContact;
import dev.saleskernel.funnel.LeadEvents;
import dev.saleskernel.funnel.LeadRoundRobin;
import dev.saleskernel.funnel.LeadStatus;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema version 1 of the {@code lead} record, and the payloads of the lead events (logical
 * names {@code funnel.lead-*}). A lead holds no amounts.
 */
public final class LeadCodec extends DocumentCodec<Lead, LeadCodec.LeadDocument> {
    public static final String RECORD_TYPE = "lead";

    public record ConversionDocument(@JsonProperty("accountId") String accountId,
                                     @JsonProperty("contactId") String contactId,
                                     @JsonProperty("opportunityId") String opportunityId,
                                     @JsonProperty("mergedInto") String mergedInto) {
    }

    public record LeadDocument(@JsonProperty("id") String id, @JsonProperty("tenantId") String tenantId,
                               @JsonProperty("company") String company,
                               @JsonProperty("contactName") String contactName,
                               @JsonProperty("taxId") String taxId, @JsonProperty("email") String email,
                               @JsonProperty("phone") String phone, @JsonProperty("source") String source,
                               @JsonProperty("campaign") String campaign, @JsonProperty("territory") String territory,
                               @JsonProperty("owner") String owner,
                               @JsonProperty("qualification") Map<String, String> qualification,
                               @JsonProperty("status") String status, @JsonProperty("reason") String reason,
                               @JsonProperty("conversion") ConversionDocument conversion) {
    }

    public LeadCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, LeadDocument.class, List.of());
    }

    @Override
    public String recordId(Lead lead) {
        return lead.id();
    }

    /** Queries may select leads by status, owner and territory. */
    @Override
    public Map<String, IndexValue> indexes(Lead lead) {
        return Map.of("status", IndexValue.text(lead.status().name()),
                "owner", IndexValue.text(lead.owner().map(ActorId::value).orElse("")),
                "territory", IndexValue.text(lead.territory()));
    }

    @Override
    protected LeadDocument toDocument(Lead l) {
        return new LeadDocument(l.id(), l.tenant().value(), l.company(), l.contactName(), l.taxId(), l.email(),
                l.phone(), l.source(), l.campaign(), l.territory(), l.owner().map(ActorId::value).orElse(null),
                new java.util.TreeMap<>(l.qualification()), l.status().name(), l.reason(),
                l.conversion().map(c -> new ConversionDocument(c.accountId(), c.contactId(), c.opportunityId(),
                        c.mergedInto().orElse(null))).orElse(null));
    }

    @Override
    protected Lead fromDocument(LeadDocument d) {
        return new Lead(d.id(), TenantId.of(d.tenantId()), d.company(), d.contactName(), d.taxId(), d.email(), d.phone(),
                d.source(), d.campaign(), d.territory(), Optional.ofNullable(d.owner()).map(ActorId::of),
                d.qualification() == null ? Map.of() : d.qualification(), LeadStatus.valueOf(d.status()), d.reason(),
                Optional.ofNullable(d.conversion()).map(c -> new Lead.Conversion(c.accountId(), c.contactId(),
                        c.opportunityId(), Optional.ofNullable(c.mergedInto()))));
    }

    /** Schema version 1 of the {@code lead-round-robin} record: a team's round-robin cursor. */
    public static final class RoundRobinCodec extends DocumentCodec<LeadRoundRobin, RoundRobinDocument> {
        public static final String RECORD_TYPE = "lead-round-robin";

        public RoundRobinCodec(SafeJson json) {
            super(json, RECORD_TYPE, 1, RoundRobinDocument.class, List.of());
        }

        @Override
        public String recordId(LeadRoundRobin cursor) {
            return cursor.team();
        }

        @Override
        public Map<String, IndexValue> indexes(LeadRoundRobin cursor) {
            return Map.of();
        }

        @Override
        protected RoundRobinDocument toDocument(LeadRoundRobin c) {
            return new RoundRobinDocument(c.team(), c.tenant().value(), c.next());
        }

        @Override
        protected LeadRoundRobin fromDocument(RoundRobinDocument d) {
            return new LeadRoundRobin(d.team(), TenantId.of(d.tenantId()), d.next());
        }
    }

    public record RoundRobinDocument(@JsonProperty("team") String team, @JsonProperty("tenantId") String tenantId,
                                     @JsonProperty("next") long next) {
    }

    /** The payload of the contact details a conversion carries. */
    public record ContactDocument(@JsonProperty("company") String company,
                                  @JsonProperty("contactName") String contactName,
                                  @JsonProperty("email") String email, @JsonProperty("phone") String phone,
                                  @JsonProperty("taxId") String taxId) {
        static ContactDocument of(LeadContact c) {
            return new ContactDocument(c.company(), c.contactName(), c.email(), c.phone(), c.taxId());
        }
    }

    /** Registers the payloads of the lead events (logical names {@code funnel.lead-*}). */
    public static EventCodec registerEvents(EventCodec events) {
        record Captured(@JsonProperty("contact") ContactDocument contact, @JsonProperty("source") String source,
                        @JsonProperty("campaign") String campaign, @JsonProperty("territory") String territory) {
        }
        record Assigned(@JsonProperty("owner") String owner) {
        }
        record Advanced(@JsonProperty("team") String team, @JsonProperty("picked") String picked,
                        @JsonProperty("next") long next) {
        }
        record Qualified(@JsonProperty("qualification") Map<String, String> qualification) {
        }
        record Disqualified(@JsonProperty("reason") String reason) {
        }
        record Converted(@JsonProperty("accountId") String accountId, @JsonProperty("contactId") String contactId,
                         @JsonProperty("opportunityId") String opportunityId,
                         @JsonProperty("mergedInto") String mergedInto,
                         @JsonProperty("contact") ContactDocument contact) {
        }
        return events
                .register(LeadEvents.LeadCaptured.class, "funnel.lead-captured",
                        e -> new Captured(new ContactDocument(e.company(), e.contactName(), e.email(), e.phone(),
                                e.taxId()), e.source(), e.campaign(), e.territory()))
                .register(LeadEvents.LeadAssigned.class, "funnel.lead-assigned", e -> new Assigned(e.owner().value()))
                .register(LeadEvents.RoundRobinAdvanced.class, "funnel.lead-round-robin-advanced",
                        e -> new Advanced(e.team(), e.picked().value(), e.next()))
                .register(LeadEvents.LeadWorkStarted.class, "funnel.lead-work-started", e -> Map.of())
                .register(LeadEvents.LeadQualified.class, "funnel.lead-qualified",
                        e -> new Qualified(new java.util.TreeMap<>(e.qualification())))
                .register(LeadEvents.LeadDisqualified.class, "funnel.lead-disqualified",
                        e -> new Disqualified(e.reason()))
                .register(LeadEvents.LeadConverted.class, "funnel.lead-converted",
                        e -> new Converted(e.accountId(), e.contactId(), e.opportunityId(), e.mergedInto().orElse(null),
                                ContactDocument.of(e.contact())));
    }
}
