package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.money.Conversion;
import dev.saleskernel.money.ExchangeRateTable;
import dev.saleskernel.money.Money;
import dev.saleskernel.money.MoneyRejection;
import dev.saleskernel.money.RoundingPolicy;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ExchangeRatesDocumentTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void dated_rates_are_read_exactly_and_used_for_explicit_conversion() {
        ExchangeRateTable rates = JsonDocuments.exchangeRates("""
                {"rates": [
                  {"from": "USD", "to": "CNY", "rate": "7.1234", "effectiveFrom": "2026-01-01"},
                  {"from": "USD", "to": "CNY", "rate": 7.2, "effectiveFrom": "2026-07-01"}
                ]}""").get();

        assertThat(rates.rateOn(USD, CNY, LocalDate.of(2026, 6, 30)).get().rate()).isEqualByComparingTo("7.1234");
        assertThat(rates.rateOn(USD, CNY, LocalDate.of(2026, 7, 1)).get().rate()).isEqualByComparingTo("7.2");
        Money converted = Conversion.convert(Money.of("100.00", USD), CNY, LocalDate.of(2026, 3, 1), rates,
                RoundingPolicy.DEFAULT).get();
        assertThat(converted).isEqualTo(Money.of("712.34", CNY));
    }

    @Test
    void a_huge_exponent_rate_is_refused_quickly_before_any_arithmetic() {
        long started = System.nanoTime();

        Rejected rejected = JsonDocuments.exchangeRates("""
                {"rates": [{"from": "USD", "to": "CNY", "rate": 1e1000000000, "effectiveFrom": "2026-01-01"},
                           {"from": "USD", "to": "EUR", "rate": "1e1000000000", "effectiveFrom": "2026-01-01"}]}""")
                .getLeft();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(rejected.codes()).containsExactly(MoneyRejection.AMOUNT_TOO_LARGE.code(), MoneyRejection.AMOUNT_TOO_LARGE.code());
        assertThat(rejected.reasons()).extracting(Rejection::field).containsExactly("rates[0].rate", "rates[1].rate");
    }

    @Test
    void every_problem_of_every_entry_is_reported_with_its_json_path() {
        Rejected rejected = JsonDocuments.exchangeRates("""
                {"rates": [
                  {"from": "USD", "to": "CNY", "rate": "7.1", "effectiveFrom": "2026-01-01"},
                  {"from": "XXQ", "rate": true, "effectiveFrom": "2026-13-01"},
                  {"from": "USD", "to": "USD", "rate": "0", "effectiveFrom": "2026-01-01"},
                  {"from": "USD", "to": "CNY", "rate": "7.3", "effectiveFrom": "2026-01-01"}
                ]}""").getLeft();

        assertThat(rejected.reasons()).extracting(r -> r.code().code() + " " + r.field()).containsExactly(
                MoneyRejection.CURRENCY_UNKNOWN.code() + " rates[1].from",
                InputRejection.JSON_REQUIRED.code() + " rates[1].to",
                InputRejection.JSON_WRONG_TYPE.code() + " rates[1].rate",
                InputRejection.JSON_WRONG_TYPE.code() + " rates[1].effectiveFrom",
                SharedRejection.NOT_ALLOWED.code() + " rates[2].to",
                SharedRejection.NOT_ALLOWED.code() + " rates[2].rate",
                SharedRejection.NOT_ALLOWED.code() + " rates[3]");
    }

    @Test
    void a_rate_finer_than_twelve_decimal_places_is_refused_not_rounded() {
        Rejected rejected = JsonDocuments.exchangeRates("""
                {"rates": [{"from": "USD", "to": "CNY", "rate": "7.1234567890123", "effectiveFrom": "2026-01-01"}]}""")
                .getLeft();

        assertThat(rejected.codes()).containsExactly(MoneyRejection.AMOUNT_TOO_PRECISE.code());
    }

    @Test
    void a_document_that_is_not_json_or_lacks_rates_is_one_clear_refusal() {
        assertThat(JsonDocuments.exchangeRates("{\"rates\": [").getLeft().codes())
                .containsExactly(InputRejection.JSON_MALFORMED.code());
        assertThat(JsonDocuments.exchangeRates("{}").getLeft().codes()).containsExactly(InputRejection.JSON_REQUIRED.code());
        assertThat(JsonDocuments.exchangeRates("{\"rates\": {}}").getLeft().codes())
                .containsExactly(InputRejection.JSON_WRONG_TYPE.code());
    }

    @Test
    void without_rates_the_kernel_refuses_cross_currency_conversion() {
        var store = new dev.saleskernel.store.memory.InMemoryStore();
        SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
                .authorization(Authorization.allowEverything()).build();

        var refused = Conversion.convert(Money.of("1.00", USD), CNY, LocalDate.of(2026, 1, 1), kernel.exchangeRates(),
                RoundingPolicy.DEFAULT);

        assertThat(refused.getLeft().code()).isEqualTo(MoneyRejection.RATE_MISSING);
    }
}
