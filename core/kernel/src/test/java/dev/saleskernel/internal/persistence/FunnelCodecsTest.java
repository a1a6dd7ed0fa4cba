package dev.saleskernel.internal.persistence;

import static dev.saleskernel.internal.persistence.TenantSettingsCodecTest.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadRoundRobin;
import dev.saleskernel.funnel.LeadStatus;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class FunnelCodecsTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final OpportunityCodec opportunities = new OpportunityCodec(json);
    private final PipelineDefinitionCodec pipelines = new PipelineDefinitionCodec(json);

    @Test
    void the_version_1_opportunity_golden_document_loads_and_re_saves_unchanged() throws IOException {
        String stored = golden("opportunity/v1.json");

        Opportunity o = opportunities.decode(1, stored);

        assertThat(o.status()).isEqualTo(StageKind.LOST);
        assertThat(o.amount()).isEqualTo(Money.of("10000", Currency.getInstance("CNY")));
        assertThat(o.team()).extracting(s -> s.percent()).containsExactly(new BigDecimal("60"), new BigDecimal("40"));
        assertThat(o.history()).hasSize(3);
        assertThat(o.history().get(1).leftAt()).contains(Instant.parse("2026-04-06T09:00:00Z"));
        assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
        assertThat(json.parse("r", opportunities.encode(o)).get()).isEqualTo(json.parse("g", stored).get());
    }

    @Test
    void the_version_1_pipeline_golden_document_loads_valid_and_re_saves_unchanged() throws IOException {
        String stored = golden("pipeline-definition/v1.json");

        PipelineDefinition d = pipelines.decode(1, stored);

        assertThat(d.validated().isValid()).isTrue();
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.rules()).singleElement().satisfies(r -> assertThat(r.afterActions()).containsExactly("notify-finance"));
        assertThat(pipelines.recordId(d)).isEqualTo("enterprise@v3");
        assertThat(json.parse("r", pipelines.encode(d)).get()).isEqualTo(json.parse("g", stored).get());
    }

    @Test
    void the_version_1_lead_golden_document_loads_and_re_saves_unchanged() throws IOException {
        String stored = golden("lead/v1.json");
        LeadCodec leads = new LeadCodec(json);

        Lead lead = leads.decode(1, stored);

        assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(lead.contact().phone()).isEqualTo("+86 21 5555 0100");
        assertThat(lead.qualification()).containsEntry("timing", "Q3");
        assertThat(lead.conversion().orElseThrow().mergedInto()).contains("a-1");
        assertThat(json.parse("r", leads.encode(lead)).get()).isEqualTo(json.parse("g", stored).get());
    }

    @Test
    void the_version_1_round_robin_golden_document_loads_and_re_saves_unchanged() throws IOException {
        String stored = golden("lead-round-robin/v1.json");
        LeadCodec.RoundRobinCodec cursors = new LeadCodec.RoundRobinCodec(json);

        LeadRoundRobin cursor = cursors.decode(1, stored);

        assertThat(cursor.next()).isEqualTo(5);
        assertThat(cursors.recordId(cursor)).isEqualTo("inside-sales");
        assertThat(json.parse("r", cursors.encode(cursor)).get()).isEqualTo(json.parse("g", stored).get());
    }

    @Test
    void newer_schema_versions_are_refused() throws IOException {
        String stored = golden("opportunity/v1.json");

        assertThatThrownBy(() -> opportunities.decode(2, stored)).isInstanceOf(UnsupportedSchemaVersionException.class);
    }
}
