package dev.saleskernel.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeJsonTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final SafeJson small = new SafeJson(new JsonLimits(100, 3, 10, 20, 10));

    private static Rejected refused(Either<Rejected, JsonNode> result) {
        assertThat(result.isLeft()).as("refused, but parsed %s", result.isRight() ? result.get() : "").isTrue();
        assertThat(result.getLeft().reasons()).hasSize(1);
        return result.getLeft();
    }

    @Test
    void malformed_json_is_one_refusal_with_its_line_and_column() {
        Rejected rejected = refused(json.parse("plan", "{\n  \"a\": tru }"));

        assertThat(rejected.codes()).containsExactly(InputRejection.JSON_MALFORMED.code());
        assertThat(rejected.reasons().get(0).evidence()).containsEntry("line", "2");
        assertThat(rejected.reasons().get(0).subject()).isEqualTo("plan");
    }

    @Test
    void trailing_tokens_after_the_document_are_refused() {
        assertThat(refused(json.parse("plan", "{\"a\":1} {\"b\":2}")).codes())
                .containsExactly(InputRejection.JSON_MALFORMED.code());
    }

    @Test
    void an_empty_document_is_refused() {
        assertThat(refused(json.parse("plan", "   ")).codes()).containsExactly(InputRejection.JSON_MALFORMED.code());
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        assertThat(refused(small.parse("plan", "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}")).codes())
                .containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
        assertThat(small.parse("plan", "{\"a\":{\"b\":{\"c\":1}}}").isRight()).isTrue();
    }

    @Test
    void the_default_nesting_limit_stops_a_deeply_nested_attack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(refused(json.parse("plan", deep)).codes()).containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
    }

    @Test
    void a_number_literal_longer_than_the_limit_is_refused() {
        assertThat(refused(small.parse("plan", "{\"a\":12345678901}")).codes())
                .containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
        assertThat(refused(json.parse("plan", "{\"a\":" + "9".repeat(65) + "}")).codes())
                .containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
    }

    @Test
    void a_string_or_a_name_longer_than_the_limit_is_refused() {
        assertThat(refused(small.parse("plan", "{\"a\":\"" + "x".repeat(21) + "\"}")).codes())
                .containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
        assertThat(refused(small.parse("plan", "{\"" + "n".repeat(11) + "\":1}")).codes())
                .containsExactly(InputRejection.JSON_LIMIT_EXCEEDED.code());
    }

    @Test
    void a_document_larger_than_the_limit_is_refused_before_parsing_with_its_size() {
        String big = "{\"a\":\"" + "x".repeat(200) + "\"}";
        Rejected asText = refused(small.parse("plan", big));
        Rejected asBytes = refused(small.parse("plan", big.getBytes(StandardCharsets.UTF_8)));

        assertThat(asText.codes()).containsExactly(InputRejection.JSON_TOO_LARGE.code());
        assertThat(asText.reasons().get(0).evidence()).containsEntry("limit", "100");
        assertThat(asBytes.codes()).containsExactly(InputRejection.JSON_TOO_LARGE.code());
    }

    @Test
    void undecodable_bytes_that_raise_a_char_conversion_exception_are_one_clear_refusal() {
        // Detected as UTF-32BE from the leading zero bytes; 0x7FFFFFFF is no Unicode code point.
        byte[] bytes = {0, 0, 0, '{', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '}'};

        Rejected rejected = refused(json.parse("plan", bytes));

        assertThat(rejected.codes()).containsExactly(InputRejection.JSON_MALFORMED.code());
        assertThat(rejected.reasons().get(0).message()).contains("CharConversionException");
    }

    @Test
    void invalid_utf8_bytes_are_refused() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(refused(json.parse("plan", bytes)).codes()).containsExactly(InputRejection.JSON_MALFORMED.code());
    }

    @Test
    void decimals_are_read_exactly_as_big_decimal_never_as_double() {
        JsonNode node = json.parse("plan", "{\"rate\":0.1, \"amount\":12345678901234567.89}").get();

        assertThat(node.get("rate").decimalValue()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(node.get("rate").isBigDecimal()).isTrue();
        assertThat(node.get("amount").decimalValue()).isEqualTo(new BigDecimal("12345678901234567.89"));
    }

    @Test
    void a_class_name_in_the_document_never_chooses_the_type_that_is_built() {
        JsonNode node = json.parse("plan", "[\"java.util.HashMap\", {\"a\": 1}]").get();

        Object bound = json.read("plan", node, Object.class).get();

        assertThat(bound).isInstanceOf(List.class);
    }

    @Test
    void binding_a_member_of_the_wrong_type_names_its_path() {
        record Target(List<Integer> counts) {
        }
        JsonNode node = json.parse("plan", "{\"counts\": [1, {\"x\": 2}]}").get();

        Rejected rejected = json.read("plan", node, Target.class).getLeft();

        assertThat(rejected.codes()).containsExactly(InputRejection.JSON_WRONG_TYPE.code());
        assertThat(rejected.reasons().get(0).field()).isEqualTo("counts[1]");
    }
}
