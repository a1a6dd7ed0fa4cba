package dev.saleskernel.funnel;

import dev.saleskernel.funnel.LeadEvents.LeadAssigned;
import dev.saleskernel.funnel.LeadEvents.LeadCaptured;
import dev.saleskernel.funnel.LeadEvents.LeadConverted;
import dev.saleskernel.funnel.LeadEvents.LeadDisqualified;
import dev.saleskernel.funnel.LeadEvents.LeadQualified;
import dev.saleskernel.funnel.LeadEvents.LeadWorkStarted;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead (潜在客户): new → working → qualified / disqualified (with a reason) → converted into
 * account + contact + opportunity in one command, idempotently and after a duplicate check.
 * Holds no money: the opportunity a conversion creates carries the amounts.
 *
 * @param id            lead id
 * @param tenant        its tenant
 * @param company       company name (compared for duplicates, case- and space-insensitively)
 * @param contactName   the contact person's name, or empty
 * @param taxId         tax id, or empty
 * @param email         contact e-mail (its domain is compared for duplicates), or empty
 * @param phone         contact phone number as given, or empty
 * @param source        where it came from (web, fair, referral, …)
 * @param campaign      the campaign, or empty
 * @param territory     the territory, or empty (assignment by territory)
 * @param owner         the assigned rep, if any
 * @param qualification the qualification answers (budget, authority, need, timing, …)
 * @param status        the status
 * @param reason        the disqualification reason, or empty
 * @param conversion    the records it was converted into
 */
public record Lead(String id, TenantId tenant, String company, String contactName, String taxId, String email,
                   String phone, String source, String campaign, String territory, Optional<ActorId> owner, Map<String, String> qualification,
                   LeadStatus status, String reason, Optional<Conversion> conversion) {

    /** What a conversion created (or merged into). */
    public record Conversion(String accountId, String contactId, String opportunityId, Optional<String> mergedInto) {
    }

    /** An existing account the duplicate check compares against. */
    public record AccountSnapshot(String accountId, String name, String taxId, String emailDomain) {
    }

    /** What converting does when the lead matches an existing account (like Fxiaoke's duplicate rules). */
    public enum DuplicatePolicy { REFUSE, MERGE }

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(conversion, "conversion");
        qualification = Map.copyOf(qualification);
    }

    /** The subject of this lead's rejections: {@code lead:<id>}. */

    private String subject() {
        return "lead:" + id;
    }

    /**
     * Captures a new lead. Refused with every reason: an invalid id, a blank company or source,
     * a malformed e-mail.
     */
    public static Either<Rejected, Change<Lead>> capture(TenantId tenant, LeadDraft draft, ActorId actor, Instant at) {
        String subject = "lead:" + draft.id();
        return Checks.start()
                .require(Ids.isValid(draft.id()), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "id",
                        "a lead id is 1–200 characters from [A-Za-z0-9._:@-]"))
                .require(!draft.company().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "company",
                        "a lead names a company"))
                .require(!draft.source().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "source",
                        "a lead records its source"))
                .require(draft.email().isEmpty() || wellFormedEmail(draft.email()), () -> Rejection.of(
                        FunnelRejection.LEAD_CONTACT_INVALID, subject, "email",
                        "an e-mail has one @ between a name and a domain").withEvidence("email", draft.email()))
                .thenRight(() -> Change.of(new Lead(draft.id(), tenant, draft.company(), draft.contactName(),
                        draft.taxId(), draft.email(), draft.phone(), draft.source(), draft.campaign(), draft.territory(),
                        Optional.empty(), Map.of(), LeadStatus.NEW, "", Optional.empty()),
                        new LeadCaptured(draft.id(), draft.company(), draft.contactName(), draft.email(), draft.phone(),
                                draft.taxId(), draft.source(), draft.campaign(), draft.territory(), actor, at)));
    }

    /** The contact details an account and contact are created from. */
    public LeadContact contact() {
        return new LeadContact(company, contactName, email, phone, taxId);
    }

    public Either<Rejected, Change<Lead>> assign(ActorId rep, ActorId actor, Instant at) {
        return status(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED).thenRight(() -> Change.of(
                with(Optional.of(rep), status, reason, qualification, conversion), new LeadAssigned(id, rep, actor, at)));
    }

    public Either<Rejected, Change<Lead>> startWorking(ActorId actor, Instant at) {
        return status(LeadStatus.NEW).thenRight(() -> Change.of(with(owner, LeadStatus.WORKING, reason, qualification,
                conversion), new LeadWorkStarted(id, actor, at)));
    }

    public Either<Rejected, Change<Lead>> qualify(Map<String, String> answers, ActorId actor, Instant at) {
        return status(LeadStatus.WORKING).require(owner.isPresent(), () -> Rejection.of(SharedRejection.REQUIRED,
                        subject(), "owner", "a lead is assigned before it is qualified"))
                .thenRight(() -> Change.of(with(owner, LeadStatus.QUALIFIED, reason, answers, conversion),
                        new LeadQualified(id, Map.copyOf(answers), actor, at)));
    }

    public Either<Rejected, Change<Lead>> disqualify(String why, ActorId actor, Instant at) {
        return status(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED)
                .require(!why.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "disqualifying needs a reason"))
                .thenRight(() -> Change.of(with(owner, LeadStatus.DISQUALIFIED, why, qualification, conversion),
                        new LeadDisqualified(id, why, actor, at)));
    }

    /** Existing accounts this lead duplicates: same name, same tax id or same e-mail domain. */
    public List<AccountSnapshot> duplicatesAmong(List<AccountSnapshot> accounts) {
        String name = normalised(company);
        String domain = domainOf(email);
        return accounts.stream().filter(a -> normalised(a.name()).equals(name)
                || (!taxId.isBlank() && taxId.equals(a.taxId()))
                || (!domain.isEmpty() && domain.equalsIgnoreCase(a.emailDomain()))).toList();
    }

    /**
     * Converts a qualified lead into the given account, contact and opportunity ids in one
     * command. Running it again with the same ids changes nothing (idempotent); with other ids it
     * is refused. A duplicate account is refused or merged into, per policy.
     */
    public Either<Rejected, Change<Lead>> convert(String accountId, String contactId, String opportunityId,
                                                 List<AccountSnapshot> existing, DuplicatePolicy policy, ActorId actor,
                                                 Instant at) {
        if (conversion.isPresent()) {
            Conversion done = conversion.get();
            boolean same = done.contactId().equals(contactId) && done.opportunityId().equals(opportunityId);
            return same ? Either.right(Change.none(this)) : Either.left(Rejected.of(Rejection.of(
                    FunnelRejection.ALREADY_CONVERTED, subject(), "", "the lead was converted into opportunity "
                            + done.opportunityId()).withEvidence("opportunityId", done.opportunityId())));
        }
        List<AccountSnapshot> duplicates = duplicatesAmong(existing);
        Checks checks = status(LeadStatus.QUALIFIED);
        if (policy == DuplicatePolicy.REFUSE) {
            for (AccountSnapshot duplicate : duplicates) {
                checks = checks.refuse(Rejection.of(FunnelRejection.DUPLICATE_ACCOUNT, subject(), "company",
                        "an account like this exists already").withEvidence("accountId", duplicate.accountId()));
            }
        }
        Optional<String> mergedInto = duplicates.isEmpty() ? Optional.empty() : Optional.of(duplicates.get(0).accountId());
        String account = mergedInto.orElse(accountId);
        return checks.thenRight(() -> {
            Conversion made = new Conversion(account, contactId, opportunityId, mergedInto);
            return Change.of(with(owner, LeadStatus.CONVERTED, reason, qualification, Optional.of(made)),
                    new LeadConverted(id, account, contactId, opportunityId, mergedInto, contact(), actor, at));
        });
    }

    private Checks status(LeadStatus... allowed) {
        return Checks.start().require(List.of(allowed).contains(status), () -> Rejection.of(FunnelRejection.LEAD_STATUS,
                subject(), "status", "not allowed while the lead is " + status.name().toLowerCase(Locale.ROOT))
                .withEvidence("status", status));
    }

    private Lead with(Optional<ActorId> newOwner, LeadStatus newStatus, String newReason, Map<String, String> answers,
                      Optional<Conversion> newConversion) {
        return new Lead(id, tenant, company, contactName, taxId, email, phone, source, campaign, territory, newOwner,
                answers, newStatus, newReason, newConversion);
    }

    private static boolean wellFormedEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1 && email.strip().equals(email);
    }

    private static String normalised(String name) {
        return name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String domainOf(String email) {
        int at = email.indexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }
}
