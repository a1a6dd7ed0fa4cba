package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.compensation.CompensationPlan;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CompensationPlanCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final CompensationPlanCodec codec = new CompensationPlanCodec(json);

    @Test
    void the_version_1_golden_document_loads_into_the_plan_it_describes() throws IOException {
        CompensationPlan plan = codec.decode(1, TenantSettingsCodecTest.golden("compensation-plan/v1.json"));
        assertThat(plan.planId()).isEqualTo("field-sales");
        assertThat(plan.published()).hasSize(1);
        assertThat(plan.published().get(0).publishedBy()).isEqualTo(ActorId.of("bob"));
        assertThat(plan.published().get(0).publishedAt()).isEqualTo(Instant.parse("2025-12-02T10:30:00.123456Z"));
        assertThat(plan.published().get(0).version().plan().components()).hasSize(4);
        assertThat(plan.draft()).hasValueSatisfying(d -> {
            assertThat(d.proposal().plan().version()).isEqualTo(2);
            assertThat(d.proposedBy()).isEqualTo(ActorId.of("carol"));
        });
        assertThat(plan.lastVersion()).isEqualTo(2);
    }

    @Test
    void the_golden_document_re_saves_to_the_same_json() throws IOException {
        String stored = TenantSettingsCodecTest.golden("compensation-plan/v1.json");
        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", codec.encode(codec.decode(1, stored))).get()).isEqualTo(expected);
    }

    @Test
    void a_stored_plan_json_the_reader_refuses_is_reported_as_corrupt() throws IOException {
        String stored = TenantSettingsCodecTest.golden("compensation-plan/v1.json").replace("\\\"40\\\"", "\\\"45\\\"");
        assertThatThrownBy(() -> codec.decode(1, stored)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("PAY_MIX_NOT_100");
    }
}
