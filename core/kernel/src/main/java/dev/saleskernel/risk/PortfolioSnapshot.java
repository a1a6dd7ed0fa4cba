package dev.saleskernel.risk;

import dev.saleskernel.customer.AbcClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts risk rules read, flattened by the host (or an adapter) from opportunities, accounts,
 * reps and targets. Amounts are minor units of {@code currency} (the tenant's base currency); shares
 * and discounts are fractions ({@code 0.15} = 15%).
 */
public record PortfolioSnapshot(Currency currency, List<OpportunityFacts> opportunities, List<AccountFacts> accounts, List<RepFacts> reps,
                                List<TargetFacts> targets, List<ProductLineRevenue> productLines,
                                List<BigDecimal> averageDiscountByPeriod) {

    public PortfolioSnapshot {
        Objects.requireNonNull(currency, "currency");
        opportunities = List.copyOf(opportunities);
        accounts = List.copyOf(accounts);
        reps = List.copyOf(reps);
        targets = List.copyOf(targets);
        productLines = List.copyOf(productLines);
        averageDiscountByPeriod = List.copyOf(averageDiscountByPeriod);
    }

    /** An opportunity: open or closed, its stage timing, slips, discount and last activity. */
    public record OpportunityFacts(String id, String accountId, String owner, boolean open, String stage,
                                   LocalDate stageEnteredOn, int stageMaxDays, int closeDateSlips, BigDecimal discount,
                                   LocalDate lastActivityOn, long amountMinor) {
        public OpportunityFacts {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(stageEnteredOn, "stageEnteredOn");
            Objects.requireNonNull(discount, "discount");
            Objects.requireNonNull(lastActivityOn, "lastActivityOn");
        }
    }

    /**
     * An account: owner, class, revenue and profit over the window, credit and receivables, and the
     * churn signals (orders this period and the prior one, satisfaction before and now, last purchase).
     */
    public record AccountFacts(String id, String owner, AbcClass abcClass, long revenueMinor, long profitMinor,
                               long creditLimitMinor, long openReceivablesMinor, long overdueReceivablesMinor,
                               Optional<LocalDate> oldestOverdueDueOn, long ordersCurrentMinor, long ordersPriorMinor,
                               Optional<BigDecimal> satisfactionPrior, Optional<BigDecimal> satisfactionLatest,
                               Optional<LocalDate> lastPurchaseOn) {
        public AccountFacts {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(abcClass, "abcClass");
            Objects.requireNonNull(oldestOverdueDueOn, "oldestOverdueDueOn");
            Objects.requireNonNull(satisfactionPrior, "satisfactionPrior");
            Objects.requireNonNull(satisfactionLatest, "satisfactionLatest");
            Objects.requireNonNull(lastPurchaseOn, "lastPurchaseOn");
        }
    }

    /** A rep and the team they are in. */
    public record RepFacts(String id, String teamId) {
        public RepFacts {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(teamId, "teamId");
        }
    }

    /** A target of a rep or a team for the running period, and what is already achieved. */
    public record TargetFacts(String id, RiskScope holderScope, String holderId, long targetMinor, long achievedMinor) {
        public TargetFacts {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(holderId, "holderId");
            if (holderScope != RiskScope.REP && holderScope != RiskScope.TEAM) {
                throw new IllegalArgumentException("a target is held by a rep or a team: " + holderScope);
            }
        }
    }

    /** Revenue of one product line over the window. */
    public record ProductLineRevenue(String productLine, long revenueMinor) {
        public ProductLineRevenue {
            Objects.requireNonNull(productLine, "productLine");
        }
    }
}
