package dev.saleskernel.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceScenarios {

    @Test
    void evidence_keeps_the_order_the_rule_gave_and_equals_a_map_with_the_same_entries() {
        Evidence evidence = Evidence.of("stage", "negotiation", "daysInStage", "40", "stageMaxDays", "21");
        Map<String, String> same = new LinkedHashMap<>();
        same.put("daysInStage", "40");
        same.put("stageMaxDays", "21");
        same.put("stage", "negotiation");

        assertThat(evidence.keySet()).containsExactly("stage", "daysInStage", "stageMaxDays");
        assertThat(evidence).isEqualTo(same);
        assertThat(evidence.hashCode()).isEqualTo(same.hashCode());
        assertThat(evidence.get("daysInStage")).isEqualTo("40");
        assertThat(evidence).hasToString("{stage=negotiation, daysInStage=40, stageMaxDays=21}");
    }

    @Test
    void a_finding_copies_any_map_into_evidence_so_later_changes_to_the_map_do_not_reach_it() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("share", "0.62");
        Finding finding = new Finding("team.key-person", 1, RiskScope.REP, "rep:r", new Severity(3, 3), source, "x",
                java.time.LocalDate.EPOCH);
        source.put("share", "0.99");

        assertThat(finding.evidence()).containsExactly(Map.entry("share", "0.62"));
        assertThatThrownBy(() -> finding.evidence().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lazy_evidence_renders_once_on_first_read_and_then_reads_like_eager_evidence() {
        int[] renders = new int[1];
        Evidence lazy = new Evidence.Lazy() {
            @Override
            String[] render() {
                renders[0]++;
                return new String[] {"stage", "negotiation", "daysInStage", "40"};
            }
        };
        Evidence eager = Evidence.of("stage", "negotiation", "daysInStage", "40");

        assertThat(renders[0]).isZero();
        assertThat(lazy).isEqualTo(eager);
        assertThat(lazy.hashCode()).isEqualTo(eager.hashCode());
        assertThat(lazy.keySet()).containsExactly("stage", "daysInStage");
        assertThat(lazy.get("daysInStage")).isEqualTo("40");
        assertThat(lazy).hasSize(2).hasToString("{stage=negotiation, daysInStage=40}");
        assertThat(renders[0]).isEqualTo(1);
        assertThat(Evidence.copyOf(lazy)).isSameAs(lazy);
    }

    @Test
    void a_name_given_twice_is_a_programming_error() {
        assertThatThrownBy(() -> Evidence.of("a", "1", "a", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
