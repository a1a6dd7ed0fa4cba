package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.IndexValue;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

/** The indexes column reads back, from PostgreSQL's own printing of the jsonb, exactly the fields written. */
class IndexesColumnTest {

    private static final long YEAR_1 = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() * 1_000_000;
    private static final long YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000;

    private static Gen<IndexValue> values() {
        Gen<String> text = SourceDSL.strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(0, 12)
                .mix(SourceDSL.strings().betweenCodePoints(1, 0x7F).ofLengthBetween(0, 12), 50)
                .mix(SourceDSL.strings().betweenCodePoints(0x10000, 0x1FFFF).ofLengthBetween(0, 3), 10);
        // a lone surrogate (a pair cut by the length limit) is not text a database can store: dropped
        Gen<IndexValue> texts = text.map(t -> IndexValue.text(t.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()));
        Gen<IndexValue> wholes = SourceDSL.longs().all().map(IndexValue::whole);
        Gen<IndexValue> moments = SourceDSL.longs().between(YEAR_1, YEAR_9999)
                .map(micros -> IndexValue.moment(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)));
        return texts.mix(wholes, 33).mix(moments, 33);
    }

    private static Gen<Map<String, IndexValue>> indexes() {
        Gen<String> names = SourceDSL.integers().between(0, 40).map(n -> n < 20 ? "f" + n : "Field_" + n);
        return SourceDSL.lists().of(names.zip(values(), Map::entry)).ofSizeBetween(0, 16).map(entries -> {
            Map<String, IndexValue> fields = new HashMap<>();
            entries.forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
            return fields;
        });
    }

    @Test
    void the_fields_written_are_read_back_from_the_servers_jsonb_text() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement roundTrip = connection.prepareStatement("select cast(? as jsonb)::text")) {
            qt().withExamples(1_000).forAll(indexes()).checkAssert(fields -> {
                try {
                    roundTrip.setString(1, IndexesColumn.write(fields));
                    try (ResultSet rows = roundTrip.executeQuery()) {
                        rows.next();
                        assertThat(IndexesColumn.read(rows.getString(1))).isEqualTo(fields);
                    }
                    assertThat(IndexesColumn.read(IndexesColumn.write(fields))).isEqualTo(fields);
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void a_column_of_another_shape_is_refused_not_guessed() {
        for (String malformed : List.of("", "[]", "{", "{\"a\": {\"size\": 1}}", "{\"a\": {\"whole\": 1}",
                "{\"a\": {\"whole\": 1}} x", "{\"a\": {\"whole\": \"1\"}}", "{\"a\": {\"text\": \"x\\q\"}}",
                "{\"a\": {\"moment\": \"yesterday\"}}", "{\"a\": {\"whole\": 1}, \"a\": {\"whole\": 2}}",
                "{\"a\": {\"whole\": 1, \"text\": \"x\"}}", "{\"a\": {\"text\": \"open}}")) {
            assertThatThrownBy(() -> IndexesColumn.read(malformed)).as(malformed).isInstanceOf(SQLException.class);
        }
    }
}
