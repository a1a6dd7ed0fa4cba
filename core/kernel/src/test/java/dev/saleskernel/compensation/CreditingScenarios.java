package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;
import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.CreditBatch.CreditLine;
import dev.saleskernel.compensation.Transaction.Share;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditingScenarios {

    private static Transaction split(String source, long amount, Share... shares) {
        return new Transaction(source, "deal-" + source, "p-1", CreditEvent.BOOKING, JAN_15, amount, List.of(shares), List.of(),
                Optional.empty());
    }

    private static Share share(String who, String percent) {
        return new Share(who, new BigDecimal(percent));
    }

    @Test
    void a_three_way_split_sums_exactly_to_the_transaction_and_counts_at_its_share() {
        CreditBatch batch = Crediting.credit(List.of(split("t1", 100, share("a", "33.3333"), share("b", "33.3333"),
                share("c", "33.3334")))).get();
        assertThat(batch.lines()).extracting(CreditLine::amountMinor).containsExactly(33L, 33L, 34L);
        assertThat(batch.lines()).extracting(CreditLine::kind).containsOnly(CreditKind.SPLIT);
        // and a rep's attainment counts only the split share
        CompensationRun run = run(plan(new PlanComponent.FlatRate("commission", 100_000, PlanComponent.Limits.NONE)),
                List.of(Participant.of("a", 0, 100)), List.of(), batch);
        assertThat(run.creditedMinor("a")).isEqualTo(33);
    }

    @Test
    void splits_not_summing_to_100_and_bad_shares_are_refused_with_every_path() {
        var refused = Crediting.credit(List.of(
                split("t1", 100, share("a", "60"), share("b", "30")),
                split("t2", -5, share("a", "100")),
                split("t3", 100, share("a", "50"), share("a", "50.00001"))));
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field()).containsExactly(
                "compensation/SPLITS_NOT_100 transactions[0].splits",
                "compensation/CREDIT_INVALID transactions[1].amount",
                "compensation/CREDIT_INVALID transactions[2].splits[1].percent",
                "compensation/CREDIT_INVALID transactions[2].splits[1].participantId",
                "compensation/SPLITS_NOT_100 transactions[2].splits");
    }

    @Test
    void the_same_source_twice_is_credited_once_and_a_conflicting_repeat_is_refused() {
        Transaction t = Transaction.direct("inv-7", "d-7", "p-1", CreditEvent.INVOICE, JAN_15, 5000, "a");
        assertThat(Crediting.credit(List.of(t, t)).get().size()).isEqualTo(1);
        Transaction changed = Transaction.direct("inv-7", "d-7", "p-1", CreditEvent.INVOICE, JAN_15, 6000, "a");
        assertThat(Crediting.credit(List.of(t, changed)).getLeft().reasons()).extracting(Rejection::code)
                .containsExactly(CompensationRejection.SOURCE_CONFLICT);
    }

    @Test
    void overlay_and_partner_credit_come_on_top_of_the_split_at_any_percentage() {
        Transaction t = new Transaction("t1", "d1", "p-1", CreditEvent.BOOKING, JAN_15, 10_001,
                List.of(share("a", "100")), List.of(share("specialist", "150")), Optional.of(share("partner-x", "12.5")));
        assertThat(Crediting.credit(List.of(t)).get().lines()).extracting(l -> l.participantId() + " " + l.kind() + " " + l.amountMinor())
                .containsExactly("a DIRECT 10001", "specialist OVERLAY 15002", "partner-x PARTNER 1250");
    }

    @Test
    void returns_and_cancellations_are_credited_negatively() {
        Transaction refund = Transaction.direct("r1", "d1", "p-1", CreditEvent.RETURN, JAN_15, 400, "a");
        assertThat(Crediting.credit(List.of(refund)).get().line(0).amountMinor()).isEqualTo(-400);
    }

    @Test
    void roll_up_credit_goes_to_the_managers_above_the_rep_on_the_transaction_date() {
        // given ann in team sh-1 under branch sh; mia manages sh-1, sam manages sh from March only
        OrgStructure org = Orgs.headOfficeAndTwoBranches();
        org = ok(org.hire(new Member("mia", "mia", Orgs.START, Optional.empty()), HR, AT));
        org = ok(org.assign("mia", "sh-1", Role.MANAGER, Orgs.START, Optional.empty(), HR, AT));
        org = ok(org.hire(new Member("sam", "sam", Orgs.START, Optional.empty()), HR, AT));
        org = ok(org.assign("sam", "sh", Role.MANAGER, LocalDate.of(2026, 3, 1), Optional.empty(), HR, AT));
        Transaction january = Transaction.direct("t1", "d1", "p-1", CreditEvent.BOOKING, JAN_15, 1000, "ann");
        Transaction march = Transaction.direct("t2", "d2", "p-1", CreditEvent.BOOKING, LocalDate.of(2026, 3, 2), 2000, "ann");
        CreditBatch batch = Crediting.credit(List.of(january, march), Optional.of(org)).get();
        assertThat(batch.lines()).extracting(l -> l.participantId() + " " + l.kind() + " " + l.amountMinor()).containsExactly(
                "ann DIRECT 1000", "mia ROLLUP 1000",
                "ann DIRECT 2000", "mia ROLLUP 2000", "sam ROLLUP 2000");
    }
}
