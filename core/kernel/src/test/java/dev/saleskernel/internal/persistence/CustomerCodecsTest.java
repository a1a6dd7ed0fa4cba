package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.customer.CustomerPool;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.risk.FindingLedger;
import dev.saleskernel.risk.FindingStatus;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Golden files of the customer-pool and finding-ledger records. */
class CustomerCodecsTest {
    private final SafeJson json = SafeJson.withDefaultLimits();

    private <A> void resavesIdentically(DocumentCodec<A, ?> codec, String path) throws IOException {
        String stored = TenantSettingsCodecTest.golden(path);
        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", codec.encode(codec.decode(1, stored))).get()).isEqualTo(expected);
    }

    @Test
    void the_version_1_pool_golden_document_loads_holders_protection_and_cooldown() throws IOException {
        CustomerPool pool = new CustomerPoolCodec(json).decode(1, TenantSettingsCodecTest.golden("customer-pool/v1.json"));

        assertThat(pool.holdingsOf("rep-1")).isEqualTo(1);
        assertThat(pool.policy().cooldownDays()).isEqualTo(14);
        assertThat(pool.accounts().get("a-2").cooldown()).hasValueSatisfying(c ->
                assertThat(c.until()).isEqualTo(LocalDate.parse("2026-03-15")));
        assertThat(pool.accounts().get("a-1").protectedUntil()).contains(LocalDate.parse("2026-04-29"));
    }

    @Test
    void the_pool_golden_document_re_saves_to_the_same_json() throws IOException {
        resavesIdentically(new CustomerPoolCodec(json), "customer-pool/v1.json");
    }

    @Test
    void the_version_1_ledger_golden_document_keeps_evidence_in_rule_order_and_the_sequence() throws IOException {
        FindingLedger ledger = new FindingLedgerCodec(json).decode(1, TenantSettingsCodecTest.golden("finding-ledger/v1.json"));

        assertThat(ledger.sequence()).isEqualTo(2);
        assertThat(ledger.find("F-2")).hasValueSatisfying(t -> {
            assertThat(t.status()).isEqualTo(FindingStatus.ACKNOWLEDGED);
            assertThat(t.finding().evidence().keySet()).containsExactly("stage", "daysInStage", "stageMaximum");
            assertThat(t.finding().key()).isEqualTo("stalled-deal|opportunity:o-17");
        });
        assertThat(ledger.open()).containsOnlyKeys("stalled-deal|opportunity:o-17");
        assertThat(ledger.closed()).singleElement().satisfies(t -> assertThat(t.note()).isEqualTo("invoice paid"));
    }

    @Test
    void the_ledger_golden_document_re_saves_to_the_same_json() throws IOException {
        resavesIdentically(new FindingLedgerCodec(json), "finding-ledger/v1.json");
    }
}
