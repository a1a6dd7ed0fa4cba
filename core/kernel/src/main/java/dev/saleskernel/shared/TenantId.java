package dev.saleskernel.shared;

/**
 * Identifies the tenant every aggregate belongs to; nothing crosses tenants.
 *
 * @param value 1–200 characters from {@code [A-Za-z0-9._:@-]}
 */
public record TenantId(String value) {
    public TenantId {
        Ids.requireValid(value, "TenantId");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
