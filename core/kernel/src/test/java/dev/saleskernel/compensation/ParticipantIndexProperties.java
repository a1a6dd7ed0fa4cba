package dev.saleskernel.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParticipantIndexProperties {
    /** Ids from a small alphabet, so lists repeat ids and "Aa"/"BB"-style hash collisions are common. */
    private static final String[] PIECES = {"Aa", "BB", "C#", "rep-", "7", ""};

    @Test
    void every_id_maps_to_the_position_that_first_lists_it_and_later_listings_are_repeats() {
        qt().withExamples(2_000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<Participant> participants = new ArrayList<>();
            int n = r.nextInt(r.nextBoolean() ? 6 : 300);
            for (int i = 0; i < n; i++) {
                participants.add(Participant.of(id(r), 0, 1));
            }
            ParticipantIndex index = ParticipantIndex.of(participants);
            List<String> ids = participants.stream().map(Participant::id).toList();
            for (int i = 0; i < n; i++) {
                String id = new String(ids.get(i)); // equal, not identical
                assertThat(index.positionOf(id)).isEqualTo(ids.indexOf(id));
                assertThat(index.repeated(i)).isEqualTo(ids.indexOf(id) < i);
            }
            for (int probe = 0; probe < 20; probe++) {
                String id = id(r);
                assertThat(index.positionOf(id, id.hashCode())).isEqualTo(ids.indexOf(id));
            }
        });
    }

    private static String id(Random r) {
        StringBuilder id = new StringBuilder();
        for (int piece = r.nextInt(4); piece >= 0; piece--) {
            id.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return id.toString();
    }
}
