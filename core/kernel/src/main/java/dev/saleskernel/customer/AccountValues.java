package dev.saleskernel.customer;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The values an {@link Account} is made of: profile, contacts, interactions and the facts it records. */
public final class AccountValues {
    /** The longest text any account field may hold, in characters (also keeps index values in bounds). */
    public static final int MAX_TEXT = 200;

    private AccountValues() {
    }

    /** The size band a host sorts its accounts into. */
    public enum AccountSize { SMALL, MEDIUM, LARGE, ENTERPRISE }

    /** How a rep reached the customer. */
    public enum InteractionKind { VISIT, CALL, EMAIL, MEETING }

    /** What came of an interaction. */
    public enum InteractionOutcome { POSITIVE, NEUTRAL, NEGATIVE, NO_RESPONSE }

    /**
     * Who the customer is. {@code taxId}, {@code email} and {@code phone} may be empty strings
     * (unknown); together with the name they are the keys of duplicate detection
     * ({@link DuplicateRules#keysOf}).
     */
    public record AccountProfile(String name, String industry, String region, AccountSize size, String channel,
                                 String taxId, String email, String phone) {
        public AccountProfile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(industry, "industry");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(taxId, "taxId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
        }

        /** Every broken rule: name, industry, region and channel are required; every text at most {@value AccountValues#MAX_TEXT} characters. */
        Checks check(Checks checks, String subject) {
            Checks c = checks
                    .require(!name.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "profile.name", "an account needs a name"))
                    .require(!industry.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "profile.industry", "an account needs an industry"))
                    .require(!region.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "profile.region", "an account needs a region"))
                    .require(!channel.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "profile.channel", "an account needs a channel"))
                    .require(email.isEmpty() || email.indexOf('@') > 0 && email.indexOf('@') == email.lastIndexOf('@')
                                    && email.indexOf('@') < email.length() - 1,
                            () -> Rejection.of(CustomerRejection.INVALID_CONTACT_DATA, subject, "profile.email",
                                    "an e-mail address has one @ with text on both sides").withEvidence("email", email));
            String[][] texts = {{"name", name}, {"industry", industry}, {"region", region}, {"channel", channel},
                    {"taxId", taxId}, {"email", email}, {"phone", phone}};
            for (String[] text : texts) {
                c = c.require(text[1].length() <= MAX_TEXT, () -> Rejection.of(SharedRejection.TOO_LONG, subject,
                        "profile." + text[0], "at most " + MAX_TEXT + " characters"));
            }
            return c;
        }
    }

    /** A person at the customer. {@code email} and {@code phone} may be empty. */
    public record Contact(String contactId, String name, String role, String email, String phone) {
        public Contact {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
        }
    }

    /**
     * What a new account starts with: id, profile, owner rep, credit limit (its currency is the
     * account's currency), credit policy and payment terms in days.
     */
    public record AccountDraft(String id, AccountProfile profile, String owner, Money creditLimit,
                               CreditPolicy creditPolicy, int paymentTermsDays) {
        public AccountDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(creditLimit, "creditLimit");
            Objects.requireNonNull(creditPolicy, "creditPolicy");
        }
    }

    /** One touch: a visit, call, e-mail or meeting by a rep on a day, with its outcome. */
    public record Interaction(String interactionId, InteractionKind kind, LocalDate on, String rep,
                              InteractionOutcome outcome, String note) {
        public Interaction {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(rep, "rep");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * A purchase reported by the host's order system, identified by the host's {@code sourceId}
     * (recording the same fact twice changes nothing). {@code amount} is positive, exact.
     */
    public record PurchaseFact(String sourceId, LocalDate on, Money amount) {
        public PurchaseFact {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A satisfaction survey answer on a 0–10 scale (whole points), identified by the survey's {@code sourceId}. */
    public record SatisfactionScore(String sourceId, LocalDate on, int score) {
        /** The top of the scale; scores run 0 to this, whole points. */
        public static final int MAX_SCORE = 10;

        public SatisfactionScore {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(on, "on");
        }
    }

    /**
     * An open receivable as the host's ledger reports it: invoice, amount still open, due date.
     * Reporting the same invoice again replaces the open amount (the ledger is the truth); an
     * open amount of zero means paid.
     */
    public record ReceivableFact(String invoiceId, Money open, LocalDate dueDate) {
        public ReceivableFact {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(dueDate, "dueDate");
        }

        /** Whether it is still open after its due date. */
        public boolean overdueOn(LocalDate day) {
            return open.isPositive() && day.isAfter(dueDate);
        }
    }

    /** One stretch of ownership: who owned the account from when, why, and until when (empty while current). */
    public record OwnerPeriod(String rep, LocalDate from, Optional<LocalDate> until, String reason) {
        public OwnerPeriod {
            Objects.requireNonNull(rep, "rep");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Another account that shares a duplicate key with a new one: which account, on which key, with which value. */
    public record DuplicateMatch(String accountId, DuplicateRules.Key key, String value) implements Comparable<DuplicateMatch> {
        public DuplicateMatch {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int compareTo(DuplicateMatch other) {
            int byAccount = accountId.compareTo(other.accountId);
            return byAccount != 0 ? byAccount : key.compareTo(other.key);
        }
    }
}
