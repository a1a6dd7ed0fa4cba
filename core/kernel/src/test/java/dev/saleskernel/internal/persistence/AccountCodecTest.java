package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.DuplicateRules;
import dev.saleskernel.customer.LifecycleStage;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.money.Money;
import dev.saleskernel.persistence.spi.IndexValue;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class AccountCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final AccountCodec codec = new AccountCodec(json);
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void the_version_1_golden_document_loads_into_the_account_it_describes() throws IOException {
        Account account = codec.decode(1, TenantSettingsCodecTest.golden("account/v1.json"));

        assertThat(account.owner()).isEqualTo("rep-2");
        assertThat(account.ownerHistory()).extracting(p -> p.rep()).containsExactly("rep-1", "rep-2");
        assertThat(account.credit().policy()).isEqualTo(CreditPolicy.REQUIRE_APPROVAL);
        assertThat(account.credit().receivables()).isEqualTo(Money.of("3000.00", CNY));
        assertThat(account.credit().headroom()).isEqualTo(Money.of("13000.00", CNY));
        assertThat(account.overdueOn(LocalDate.parse("2026-03-23"))).isEqualTo(Money.of("3000.00", CNY));
        assertThat(account.duplicateSuspect()).isTrue();
        assertThat(account.reviewedStage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(account.purchases().get("erp-so-1").amount()).isEqualTo(Money.of("12500.50", CNY));
    }

    @Test
    void the_golden_document_re_saves_to_the_same_json_at_the_current_version() throws IOException {
        String stored = TenantSettingsCodecTest.golden("account/v1.json");

        String resaved = codec.encode(codec.decode(1, stored));

        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", resaved).get()).isEqualTo(expected);
    }

    @Test
    void every_duplicate_key_and_the_owner_are_declared_index_fields() throws IOException {
        Account account = codec.decode(1, TenantSettingsCodecTest.golden("account/v1.json"));

        assertThat(codec.indexes(account))
                .containsEntry("owner", IndexValue.text("rep-2"))
                .containsEntry("dup_name", IndexValue.text("星辰贸易"))
                .containsEntry("dup_tax_id", IndexValue.text("9131000001"))
                .containsEntry("dup_email_domain", IndexValue.text("xingchen.cn"))
                .containsEntry("dup_phone", IndexValue.text("862155550101"));
        assertThat(AccountCodec.duplicateIndex(DuplicateRules.Key.EMAIL_DOMAIN)).isEqualTo("dup_email_domain");
    }
}
