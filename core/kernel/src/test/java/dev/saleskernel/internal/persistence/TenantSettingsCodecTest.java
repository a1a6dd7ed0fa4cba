package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.tenant.SettingsValues;
import dev.saleskernel.tenant.TenantSettings;
import java.io.IOException;
import java.io.InputStream;
import dev.saleskernel.period.FiscalYearNaming;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Month;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class TenantSettingsCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final TenantSettingsCodec codec = new TenantSettingsCodec(json);

    static String golden(String path) throws IOException {
        try (InputStream in = TenantSettingsCodecTest.class.getResourceAsStream("/golden/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_version_1_golden_document_loads_into_the_aggregate_it_describes() throws IOException {
        TenantSettings settings = codec.decode(1, golden("tenant-settings/v1.json"));

        assertThat(settings.tenantId().value()).isEqualTo("acme");
        assertThat(settings.values()).isEqualTo(new SettingsValues("Acme 销售", Currency.getInstance("CNY"), Month.APRIL, FiscalYearNaming.END_YEAR,
                RoundingMode.HALF_EVEN));
        assertThat(settings.effectiveSince()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(settings.pendingChange()).hasValueSatisfying(p -> {
            assertThat(p.proposal().fiscalYearStart()).isEqualTo(Month.JANUARY);
            assertThat(p.proposedBy()).isEqualTo(ActorId.of("alice"));
            assertThat(p.proposedAt()).isEqualTo(Instant.parse("2026-04-06T09:00:00.123456Z"));
        });
    }

    @Test
    void the_golden_document_re_saves_to_the_same_json_at_the_current_version() throws IOException {
        String stored = golden("tenant-settings/v1.json");

        String resaved = codec.encode(codec.decode(1, stored));

        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", resaved).get()).isEqualTo(expected);
        assertThat(codec.schemaVersion()).isEqualTo(1);
    }

    @Test
    void unknown_members_written_by_a_later_minor_version_are_ignored() throws IOException {
        String withExtra = golden("tenant-settings/v1.json").replaceFirst("\\{", "{ \"addedLater\": {\"x\": [1,2]},");

        assertThat(codec.decode(1, withExtra).tenantId().value()).isEqualTo("acme");
    }

    @Test
    void a_document_of_a_newer_schema_version_is_refused() throws IOException {
        String stored = golden("tenant-settings/v1.json");

        assertThatThrownBy(() -> codec.decode(2, stored))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("schema version 2, newer than the supported 1");
    }

    @Test
    void a_stored_document_breaking_a_model_rule_is_reported_as_corrupt() {
        assertThatThrownBy(() -> codec.decode(1, "{\"tenantId\":\"acme\",\"values\":{\"displayName\":\"A\","
                + "\"baseCurrency\":\"XXQ\",\"fiscalYearStart\":\"APRIL\",\"roundingMode\":\"HALF_EVEN\"},"
                + "\"effectiveSince\":\"2026-04-01T00:00:00Z\"}"))
                .isInstanceOf(CorruptRecordException.class);
    }
}
