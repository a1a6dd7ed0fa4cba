package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.forecast.ForecastFixtures;
import dev.saleskernel.forecast.ForecastRejection;
import dev.saleskernel.forecast.ForecastSubmission;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forecast submissions through the facade, on the real in-memory store. */
class ForecastUseCaseTest {
    private static final Instant NOW = Instant.parse("2026-02-14T10:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final OrgStructure org = ForecastFixtures.org();

    @Test
    void a_submitted_forecast_and_an_adjustment_are_stored_with_their_events_and_the_adjustment_is_idempotent() {
        assertThat(kernel.forecasts().submit(CommandContext.of("acme", "mei", "f-1"), org, ForecastFixtures.shanghai(),
                ForecastFixtures.AS_OF).isRight()).isTrue();
        var adjust = kernel.forecasts().adjust(CommandContext.of("acme", "mei", "f-2"), "sh", ForecastFixtures.Q1, org, "bo",
                ForecastCategory.COMMIT, 150_000_00, "p2 signed in principle");
        var replay = kernel.forecasts().adjust(CommandContext.of("acme", "mei", "f-2"), "sh", ForecastFixtures.Q1, org, "bo",
                ForecastCategory.COMMIT, 150_000_00, "p2 signed in principle");

        assertThat(adjust.get().version()).isEqualTo(2);
        assertThat(replay.get().replayed()).isTrue();
        ForecastSubmission stored = kernel.forecasts().find(ACME, "sh", ForecastFixtures.Q1).orElseThrow();
        assertThat(stored.adjustments()).hasSize(1);
        assertThat(stored.adjusted().commitRollup()).isEqualTo(750_000_00);
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(ACME, 10, Duration.ofMinutes(1), events::add);
        assertThat(events).extracting(PublishedEvent::eventType).containsExactly("forecast.submitted", "forecast.adjusted");
        assertThat(events.get(1).payloadJson()).contains("\"reason\":\"p2 signed in principle\"");
    }

    @Test
    void a_refused_adjustment_changes_nothing_and_a_second_submission_is_refused() {
        kernel.forecasts().submit(CommandContext.of("acme", "mei", "f-1"), org, ForecastFixtures.shanghai(), ForecastFixtures.AS_OF);
        var outsider = kernel.forecasts().adjust(CommandContext.of("acme", "mei", "f-3"), "sh", ForecastFixtures.Q1, org,
                "finance-li", ForecastCategory.COMMIT, 1, "friend of the customer");
        var again = kernel.forecasts().submit(CommandContext.of("acme", "mei", "f-4"), org, ForecastFixtures.shanghai(),
                ForecastFixtures.AS_OF);

        assertThat(outsider.getLeft().has(ForecastRejection.OUTSIDE_SALES_HIERARCHY)).isTrue();
        assertThat(again.getLeft().has(SharedRejection.ALREADY_EXISTS)).isTrue();
        assertThat(kernel.forecasts().find(ACME, "sh", ForecastFixtures.Q1).orElseThrow().adjustments()).isEmpty();
        assertThat(kernel.forecasts().find(TenantId.of("other"), "sh", ForecastFixtures.Q1)).as("tenants are isolated").isEmpty();
    }
}
