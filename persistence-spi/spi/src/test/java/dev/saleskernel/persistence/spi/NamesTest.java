package dev.saleskernel.persistence.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The hand-written name checks accept exactly what the documented patterns accept. */
class NamesTest {

    /**
     * Strings over the pattern's own alphabet, at lengths around every limit, half of them with one
     * character replaced by any character (so both sides of every rule are reached).
     */
    private static Gen<String> candidates(String alphabet) {
        Gen<Character> allowed = SourceDSL.integers().between(0, alphabet.length() - 1).map(alphabet::charAt);
        Gen<Integer> length = SourceDSL.integers().between(0, 4).mix(SourceDSL.integers().between(60, 64), 30)
                .mix(SourceDSL.integers().between(98, 102), 30).mix(SourceDSL.integers().between(198, 202), 30);
        Gen<String> valid = length.flatMap(n -> SourceDSL.lists().of(allowed).ofSize(n)).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
        Gen<String> mutated = valid.zip(SourceDSL.integers().between(0, 1_000), SourceDSL.integers().between(0, 0x2FF),
                (text, at, c) -> text.isEmpty() ? text
                        : text.substring(0, at % text.length()) + (char) c.intValue() + text.substring(at % text.length() + 1));
        return valid.mix(mutated, 50);
    }

    private static void agrees(Pattern pattern, String alphabet, Predicate<String> check) {
        qt().withExamples(5_000).forAll(candidates(alphabet))
                .check(candidate -> check.test(candidate) == pattern.matcher(candidate).matches());
    }

    @Test
    void identifiers_are_checked_exactly_as_their_pattern_says() {
        agrees(Names.IDENTIFIER, "abyzABYZ0189._:@-", Names::isIdentifier);
    }

    @Test
    void types_are_checked_exactly_as_their_pattern_says() {
        agrees(Names.TYPE, "abyz0189.-", Names::isType);
    }

    @Test
    void index_names_are_checked_exactly_as_their_pattern_says() {
        agrees(Names.INDEX_NAME, "abyzABYZ0189_", Names::isIndexName);
    }

    @Test
    void a_refused_name_is_named_with_its_pattern_and_null_is_a_programmer_error() {
        assertThat(Names.identifier("a:b@c-1.2_3", "tenantId")).isEqualTo("a:b@c-1.2_3");
        assertThatThrownBy(() -> new RecordKey("t", "Deal", "d1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recordType 'Deal' must match [a-z][a-z0-9.-]{0,99}");
        assertThatThrownBy(() -> new RecordKey(null, "deal", "d1")).isInstanceOf(NullPointerException.class)
                .hasMessage("tenantId must not be null");
        assertThatThrownBy(() -> Names.indexName("1st")).isInstanceOf(IllegalArgumentException.class);
    }
}
