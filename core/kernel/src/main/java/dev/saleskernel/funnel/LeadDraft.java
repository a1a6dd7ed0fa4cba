package dev.saleskernel.funnel;

import java.util.Objects;

/**
 * What capturing a lead needs. Every text is required to be non-null; empty means "not known".
 *
 * @param id          the lead id (the id pattern of {@link dev.saleskernel.shared.Ids})
 * @param company     the company name (required)
 * @param contactName the contact person's name, or empty
 * @param email       the contact's e-mail, or empty
 * @param phone       the contact's phone number as given, or empty
 * @param taxId       the company's tax id, or empty
 * @param source      where the lead came from: web, fair, referral, … (required)
 * @param campaign    the campaign, or empty
 * @param territory   the territory, or empty (used by assignment by territory)
 */
public record LeadDraft(String id, String company, String contactName, String email, String phone, String taxId,
                        String source, String campaign, String territory) {
    public LeadDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(contactName, "contactName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(taxId, "taxId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(territory, "territory");
    }
}
