package dev.saleskernel.org;

import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Test-data builder: head office with two branch offices (Shanghai, Hangzhou), two teams each,
 * a cloud product-line unit for matrix membership, and reps.
 */
public final class Orgs {
    public static final ActorId HR = ActorId.of("hr");
    public static final Instant AT = Instant.parse("2026-01-02T08:00:00Z");
    public static final LocalDate START = LocalDate.of(2025, 1, 1);

    private Orgs() {
    }

    public static OrgStructure ok(Either<Rejected, Change<OrgStructure>> result) {
        if (result.isLeft()) {
            throw new AssertionError(result.getLeft().toString());
        }
        return result.get().state();
    }

    /** hq → sh (sh-1, sh-2), hz (hz-1, hz-2); product line unit "cloud" under hq; reps ann, bo, cai, dan. */
    public static OrgStructure headOfficeAndTwoBranches() {
        OrgStructure org = OrgStructure.empty(TenantId.of("acme"));
        org = ok(org.addUnit("hq", "Head office", UnitKind.COMPANY, Optional.empty(), START, HR, AT));
        org = ok(org.addUnit("sh", "Shanghai branch", UnitKind.BRANCH_OFFICE, Optional.of("hq"), START, HR, AT));
        org = ok(org.addUnit("hz", "Hangzhou branch", UnitKind.BRANCH_OFFICE, Optional.of("hq"), START, HR, AT));
        org = ok(org.addUnit("sh-1", "Shanghai team 1", UnitKind.TEAM, Optional.of("sh"), START, HR, AT));
        org = ok(org.addUnit("sh-2", "Shanghai team 2", UnitKind.TEAM, Optional.of("sh"), START, HR, AT));
        org = ok(org.addUnit("hz-1", "Hangzhou team 1", UnitKind.TEAM, Optional.of("hz"), START, HR, AT));
        org = ok(org.addUnit("hz-2", "Hangzhou team 2", UnitKind.TEAM, Optional.of("hz"), START, HR, AT));
        org = ok(org.addUnit("cloud", "Cloud product line", UnitKind.PRODUCT_LINE, Optional.of("hq"), START, HR, AT));
        String[][] reps = {{"ann", "sh-1"}, {"bo", "sh-2"}, {"cai", "hz-1"}, {"dan", "hz-2"}};
        for (String[] rep : reps) {
            org = ok(org.hire(new Member(rep[0], rep[0], START, Optional.empty()), HR, AT));
            org = ok(org.assign(rep[0], rep[1], Role.REP, START, Optional.empty(), HR, AT));
        }
        return org;
    }
}
