package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.forecast.ForecastSubmission;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastSubmissionCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final ForecastSubmissionCodec codec = new ForecastSubmissionCodec(json);

    @Test
    void the_version_1_golden_document_loads_into_the_submission_it_describes() throws IOException {
        ForecastSubmission s = codec.decode(1, TenantSettingsCodecTest.golden("forecast-submission/v1.json"));

        assertThat(s.teamId()).isEqualTo("sh");
        assertThat(s.period().label()).isEqualTo("FY2026-Q1");
        assertThat(s.snapshotDate()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(s.submitted().commitRollup()).isEqualTo(60_000_000);
        assertThat(s.adjusted("bo").commit()).isEqualTo(15_000_000);
        assertThat(s.adjustments().get(0).category()).isEqualTo(ForecastCategory.COMMIT);
        assertThat(s.adjustments().get(0).actor()).isEqualTo(ActorId.of("mei"));
        assertThat(s.adjustments().get(0).at()).isEqualTo(Instant.parse("2026-02-15T08:30:00.123456Z"));
        assertThat(codec.recordId(s)).isEqualTo("sh@FY2026-Q1");
    }

    @Test
    void the_golden_document_re_saves_to_the_same_json_at_the_current_version() throws IOException {
        String stored = TenantSettingsCodecTest.golden("forecast-submission/v1.json");
        String resaved = codec.encode(codec.decode(1, stored));
        assertThat(json.parse("resaved", resaved).get()).isEqualTo(json.parse("golden", stored).get());
    }

    @Test
    void a_newer_schema_version_is_refused() throws IOException {
        String stored = TenantSettingsCodecTest.golden("forecast-submission/v1.json");
        assertThatThrownBy(() -> codec.decode(2, stored)).isInstanceOf(UnsupportedSchemaVersionException.class);
    }
}
