package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.Executed;
import dev.saleskernel.application.LeadService;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountValues;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadAssignment;
import dev.saleskernel.funnel.LeadDraft;
import dev.saleskernel.funnel.LeadEvents;
import dev.saleskernel.funnel.LineItem;
import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.analytics.FunnelCut;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The funnel part of the tour: the seeds' default pipeline, five deals moved through it (one
 * refused move naming every unmet criterion, one discount waiting for approval), then the funnel
 * report over them, and a lead captured, assigned by round robin, qualified and converted into a
 * sixth deal (converting it again changes nothing).
 */
final class FunnelTour {
    private static final Currency CNY = Currency.getInstance("CNY");
    private final PrintStream out;
    private final SalesKernel kernel;
    private final TenantId tenant;
    private int commands;

    FunnelTour(PrintStream out, SalesKernel kernel, TenantId tenant) {
        this.out = out;
        this.kernel = kernel;
        this.tenant = tenant;
    }

    static void run(PrintStream out, SalesKernel kernel, TenantId tenant) {
        new FunnelTour(out, kernel, tenant).run();
    }

    private CommandContext as(String actor) {
        return CommandContext.of(tenant.value(), actor, String.format("funnel-%03d", ++commands));
    }

    private Opportunity step(String what, Either<Rejected, Executed<Opportunity>> result) {
        if (result.isLeft()) {
            out.printf("  %s -> refused: %s%n", what, String.join(", ", result.getLeft().reasons().stream()
                    .map(r -> r.code().code() + (r.field().isEmpty() ? "" : " [" + r.field() + "]")).toList()));
            return null;
        }
        out.printf("  %s -> %s%n", what, result.get().state().stageId());
        return result.get().state();
    }

    private void deal(String id, String amount) {
        step(id + " created worth " + amount + " CNY", kernel.opportunities().create(as("li.na"), "seeds",
                OpportunityDraft.of(id, "acct-" + id, ActorId.of("li.na"), CNY,
                        List.of(new LineItem("erp-suite", BigDecimal.ONE, Money.of(amount, CNY), BigDecimal.ZERO)))));
    }

    private void qualify(String id) {
        kernel.opportunities().reschedule(as("li.na"), id, LocalDate.parse("2026-09-30"));
        kernel.opportunities().linkActivity(as("li.na"), id, new ActivityRef(id + "-visit", "visit",
                kernel.clock().instant()));
        kernel.opportunities().setNextStep(as("li.na"), id, "send the contract");
    }

    void run() {
        out.println();
        out.println("7. The sales funnel (default pipeline from the seeds)");
        PipelineDefinition seeds = DefaultPipelines.seeds();
        kernel.pipelines().define(as("li.na"), seeds);
        out.printf("  pipeline %s v%d: %s%n", seeds.id(), seeds.version(),
                String.join(" -> ", seeds.stages().stream().map(s -> s.id() + " " + s.defaultProbability() + "%").toList()));
        deal("deal-1", "120000.00");
        deal("deal-2", "80000.00");
        deal("deal-3", "200000.00");
        deal("deal-4", "50000.00");
        deal("deal-5", "30000.00");
        step("deal-1 to needs analysis before any visit or close date", kernel.opportunities().move(as("li.na"), "deal-1",
                "needs-analysis", MoveInput.NONE));
        for (String id : List.of("deal-1", "deal-2", "deal-3", "deal-4")) {
            qualify(id);
        }
        step("deal-1 to needs analysis after a visit", kernel.opportunities().move(as("li.na"), "deal-1",
                "needs-analysis", MoveInput.NONE));
        step("deal-1 to negotiation", kernel.opportunities().move(as("li.na"), "deal-1", "negotiation", MoveInput.NONE));
        step("deal-1 won at 115000.00", kernel.opportunities().win(as("li.na"), "deal-1", Money.of("115000.00", CNY),
                LocalDate.parse("2026-08-17"), MoveInput.NONE));
        step("deal-2 to proposal, needs confirmed", kernel.opportunities().move(as("li.na"), "deal-2", "proposal",
                MoveInput.confirming("needs-confirmed")));
        step("deal-2 offered at 30% discount", kernel.opportunities().updateLines(as("li.na"), "deal-2",
                List.of(new LineItem("erp-suite", BigDecimal.ONE, Money.of("80000.00", CNY), new BigDecimal("0.30")))));
        step("deal-3 to quotation", kernel.opportunities().move(as("li.na"), "deal-3", "quotation", MoveInput.NONE));
        step("deal-4 to negotiation", kernel.opportunities().move(as("li.na"), "deal-4", "negotiation", MoveInput.NONE));
        step("deal-4 won at 50000.00", kernel.opportunities().win(as("li.na"), "deal-4", Money.of("50000.00", CNY),
                LocalDate.parse("2026-08-17"), MoveInput.NONE));
        step("deal-5 lost on price", kernel.opportunities().lose(as("li.na"), "deal-5", "price", "Globex"));

        List<Opportunity> deals = kernel.opportunities().all(tenant);
        FunnelData data = FunnelData.of(deals, seeds);
        long asOf = kernel.clock().instant().plus(Duration.ofDays(20)).getEpochSecond();
        FunnelReport report = FunnelReport.of(data, FunnelCut.all(), new FunnelReport.Options(asOf, 1, 1));
        out.printf("  funnel report over %d deals (cohort: all created; conversion = reached next ÷ reached this)%n",
                report.cohort());
        List<String> stages = data.stageIds();
        for (int s = 0; s < stages.size() - 2; s++) {
            out.printf("    %-20s reached %d, on to %s: %s%n", stages.get(s), report.reached(s), stages.get(s + 1),
                    report.conversion(s).map(BigDecimal::toPlainString).orElse("n/a"));
        }
        out.printf("    win rate %s by count, %s by amount%n", report.winRateByCount().orElseThrow(),
                report.winRateByAmount().orElseThrow());
        out.printf("    weighted pipeline %s; open pipeline %s; commit roll-up %s; best-case roll-up %s%n",
                report.weightedPipeline(), report.openPipeline(), report.commitRollup(), report.bestCaseRollup());
        out.printf("    coverage of a remaining target of 250000.00 CNY: %s%n",
                report.coverage(Money.of("250000.00", CNY)).orElseThrow());
        out.printf("    stalled 20 days from now: %s%n", report.stalled());
        out.printf("    velocity: %s (every deal here was won the day it was created: no cycle yet)%n",
                report.velocityPerDay().map(Money::toString).orElse("n/a"));
        leads();
    }

    /** A lead captured at a fair, assigned by the rules, qualified and converted into a deal. */
    private void leads() {
        out.println("  leads: capture -> assign -> qualify -> convert");
        kernel.leads().capture(as("li.na"), new LeadDraft("lead-1", "Globex Trading", "Li Wei",
                "li.wei@globex.example", "+86 21 5555 0100", "91310000MA1", "fair", "spring-expo", "west"));
        LeadAssignment.Rules rules = new LeadAssignment.Rules(Map.of("east", ActorId.of("zhao.lei")), "inside-sales",
                List.of(ActorId.of("wang.fang"), ActorId.of("li.na")));
        Lead assigned = kernel.leads().assignByRules(as("li.na"), "lead-1", rules).get().state();
        out.printf("    lead-1 (%s, %s) assigned by round robin to %s%n", assigned.company(), assigned.contactName(),
                assigned.owner().orElseThrow().value());
        Either<Rejected, Executed<Lead>> early = kernel.leads().convert(as("li.na"), "lead-1", conversion());
        out.printf("    converting before qualifying -> refused: %s%n", String.join(", ", early.getLeft().codes()));
        kernel.leads().startWorking(as("li.na"), "lead-1");
        kernel.leads().qualify(as("li.na"), "lead-1", Map.of("budget", "150000 CNY", "timing", "Q4"));
        Executed<Lead> converted = kernel.leads().convert(as("li.na"), "lead-1", conversion()).get();
        LeadEvents.LeadConverted event = (LeadEvents.LeadConverted) converted.events().get(0);
        Opportunity deal = kernel.opportunities().find(tenant, "deal-6").orElseThrow();
        out.printf("    lead-1 converted -> %s in %s worth %s for account %s; contact %s <%s> %s%n", deal.id(),
                deal.stageId(), deal.amount(), event.accountId(), event.contact().contactName(), event.contact().email(),
                event.contact().phone());
        Account account = kernel.accounts().find(tenant, event.accountId()).orElseThrow();
        out.printf("    account %s (%s, owner %s) created in the same commit with contact %s%n", account.id(),
                account.profile().name(), account.owner(), String.join(", ", account.contacts().keySet()));
        Executed<Lead> again = kernel.leads().convert(as("li.na"), "lead-1", conversion()).get();
        out.printf("    converting lead-1 again -> %d events, still %d deals%n", again.events().size(),
                kernel.opportunities().all(tenant).size());
    }

    private static LeadService.Conversion conversion() {
        return new LeadService.Conversion("acct-globex", "contact-li-wei", "buyer", "seeds",
                OpportunityDraft.of("deal-6", "", ActorId.of("wang.fang"), CNY,
                        List.of(new LineItem("erp-suite", BigDecimal.ONE, Money.of("150000.00", CNY), BigDecimal.ZERO))),
                new LeadService.NewAccount("manufacturing", "east", AccountValues.AccountSize.LARGE, "direct",
                        Money.of("500000.00", CNY), CreditPolicy.REQUIRE_APPROVAL, 30),
                Lead.DuplicatePolicy.REFUSE);
    }
}
