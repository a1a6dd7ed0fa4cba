package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.HandoverService;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.OwnerPeriod;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.Handover;
import dev.saleskernel.money.Money;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/** Tour part 11: accounts — a duplicate refused with every reason, and a rep's book handed over in one command. */
final class AccountsTour {
    static final Currency CNY = Currency.getInstance("CNY");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 9, 1);
    private static int commands;

    private AccountsTour() {
    }

    private static CommandContext as(TenantId tenant) {
        return CommandContext.of(tenant.value(), "li.na", String.format("accounts-%03d", ++commands));
    }

    static void run(PrintStream out, SalesKernel kernel, TenantId tenant) {
        commands = 0;
        out.println();
        out.println("11. Accounts: duplicate detection and a handover");
        kernel.accounts().create(as(tenant), draft("hd-1", "华东电力", "91-3100-7777")).get();
        kernel.accounts().create(as(tenant), draft("xc-1", "星辰贸易有限公司", "91-3100-0001")).get();
        Rejected duplicate = kernel.accounts().create(as(tenant), draft("xc-2", "星辰贸易", "9131 0000 01")).getLeft();
        out.printf("  new account 星辰贸易 (tax id 9131 0000 01) -> refused with %d reasons:%n", duplicate.reasons().size());
        for (Rejection reason : duplicate.reasons()) {
            out.printf("    %s %s: account %s, key %s = %s%n", reason.code().code(), reason.field(),
                    reason.evidence().get("account"), reason.evidence().get("key"), reason.evidence().get("value"));
        }
        HandoverService.Result result = kernel.handovers().handOverRep(as(tenant), "zhao.lei",
                Handover.Rule.ROUND_ROBIN_IN_TEAM, EFFECTIVE, "zhao.lei moved to key accounts", org(tenant), Optional.empty()).get();
        out.printf("  handover of zhao.lei (round robin in team, from %s), %d records in one commit:%n", EFFECTIVE,
                result.changedRecords().size());
        result.plan().accounts().forEach((account, to) -> out.printf("    %s -> %s%n", account, to.orElse("pool")));
        for (OwnerPeriod period : kernel.accounts().find(tenant, "xc-1").orElseThrow().ownerHistory()) {
            out.printf("    xc-1 owned by %-8s from %s%s (%s)%n", period.rep(), period.from(),
                    period.until().map(u -> " until " + u).orElse(""), period.reason());
        }
    }

    private static AccountDraft draft(String id, String name, String taxId) {
        return new AccountDraft(id, new AccountProfile(name, "energy", "east", AccountSize.LARGE, "DIRECT", taxId, "", ""),
                "zhao.lei", Money.of("20000.00", CNY), CreditPolicy.REFUSE, 30);
    }

    /** East team (zhao.lei, qian.mei, sun.li) under the sales department managed by wang.wei. */
    private static OrgStructure org(TenantId tenant) {
        ActorId hr = ActorId.of("hr");
        Instant at = Instant.parse("2026-01-02T08:00:00Z");
        OrgStructure org = OrgStructure.empty(tenant);
        org = ok(org.addUnit("sales", "Sales", UnitKind.DEPARTMENT, Optional.empty(), START, hr, at));
        org = ok(org.addUnit("east", "East team", UnitKind.TEAM, Optional.of("sales"), START, hr, at));
        for (String rep : new String[] {"zhao.lei", "qian.mei", "sun.li"}) {
            org = ok(org.hire(new Member(rep, rep, START, Optional.empty()), hr, at));
            org = ok(org.assign(rep, "east", Role.REP, START, Optional.empty(), hr, at));
        }
        org = ok(org.hire(new Member("wang.wei", "wang.wei", START, Optional.empty()), hr, at));
        return ok(org.assign("wang.wei", "sales", Role.MANAGER, START, Optional.empty(), hr, at));
    }

    private static OrgStructure ok(Either<Rejected, Change<OrgStructure>> result) {
        return result.map(Change::state).getOrElseThrow(rejected -> new IllegalStateException(rejected.toString()));
    }
}
