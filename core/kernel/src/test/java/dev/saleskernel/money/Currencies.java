package dev.saleskernel.money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

/** Test data: currencies and short factories such as {@code cny("1200.00")}. */
public final class Currencies {
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency EUR = Currency.getInstance("EUR");
    public static final Currency JPY = Currency.getInstance("JPY");
    public static final Currency KWD = Currency.getInstance("KWD");

    private Currencies() {
    }

    public static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), CNY);
    }

    public static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), USD);
    }

    public static List<BigDecimal> weights(String... weights) {
        return Arrays.stream(weights).map(BigDecimal::new).collect(Collectors.toList());
    }

    public static List<Money> cnyList(String... amounts) {
        return Arrays.stream(amounts).map(Currencies::cny).collect(Collectors.toList());
    }
}
