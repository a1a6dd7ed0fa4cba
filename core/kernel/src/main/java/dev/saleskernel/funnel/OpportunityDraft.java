package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What creating an opportunity needs.
 *
 * @param id                the opportunity id
 * @param accountId         the account it is for (by id)
 * @param owner             the owning rep
 * @param team              credit splits; empty means the owner alone at 100%
 * @param currency          the currency of its lines and amount
 * @param lines             line items (may be empty at first)
 * @param expectedCloseDate the expected close date, if known
 * @param nextStep          the next step, or empty
 * @param competitor        the main competitor, or empty
 * @param productLine       the product line, or empty (an analytics dimension)
 * @param channel           the channel, or empty (an analytics dimension)
 */
public record OpportunityDraft(String id, String accountId, ActorId owner, List<CreditSplit> team, Currency currency,
                               List<LineItem> lines, Optional<LocalDate> expectedCloseDate, String nextStep,
                               String competitor, String productLine, String channel) {
    public OpportunityDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(owner, "owner");
        team = List.copyOf(Objects.requireNonNull(team, "team"));
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        Objects.requireNonNull(nextStep, "nextStep");
        Objects.requireNonNull(competitor, "competitor");
        Objects.requireNonNull(productLine, "productLine");
        Objects.requireNonNull(channel, "channel");
    }

    /** A draft with only the essentials. */
    public static OpportunityDraft of(String id, String accountId, ActorId owner, Currency currency, List<LineItem> lines) {
        return new OpportunityDraft(id, accountId, owner, List.of(), currency, lines, Optional.empty(), "", "", "", "");
    }
}
