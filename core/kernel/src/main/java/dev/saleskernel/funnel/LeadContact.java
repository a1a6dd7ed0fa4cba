package dev.saleskernel.funnel;

import java.util.Objects;

/**
 * A lead's company and contact details, as carried by {@link LeadEvents.LeadConverted} so that
 * an account and a contact can be created from the event alone. Empty text means "not known".
 *
 * @param company     the company name
 * @param contactName the contact person's name
 * @param email       the contact's e-mail
 * @param phone       the contact's phone number as given
 * @param taxId       the company's tax id
 */
public record LeadContact(String company, String contactName, String email, String phone, String taxId) {
    public LeadContact {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(contactName, "contactName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(taxId, "taxId");
    }
}
