package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateRulesProperties {
    static final DuplicateRules RULES = DuplicateRules.defaults(DuplicateRules.Policy.FLAG);

    static AccountProfile profile(String name, String taxId, String email, String phone) {
        return new AccountProfile(name, "retail", "east", AccountSize.SMALL, "DIRECT", taxId, email, phone);
    }

    /** Re-spells a value the way people do: case, spaces, dashes, dots. */
    static String noisy(String value, int seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(((seed >> (i % 16)) & 1) == 1 ? Character.toUpperCase(c) : c);
            if (((seed >> ((i + 3) % 16)) & 3) == 0) {
                out.append(i % 2 == 0 ? " " : "-");
            }
        }
        return out.toString();
    }

    /** Changes only the case of letters (spaces inside a name could form a legal-form word, e.g. "sa"). */
    static String cased(String value, int seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(((seed >> (i % 16)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Test
    void formatting_noise_never_hides_a_duplicate_on_name_tax_id_or_phone() {
        qt().withExamples(1000).forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12),
                        strings().numeric(), integers().between(0, 65535), integers().between(100_000, 99_999_999))
                .checkAssert((name, tax, seed, phone) -> {
                    var existing = profile("firm" + name, "DE" + tax, "", String.valueOf(phone));
                    var candidate = profile("  " + cased("firm" + name, seed) + ", Ltd. ", noisy("de" + tax, seed >> 1),
                            "", noisy("+" + phone, seed >> 2));
                    assertThat(RULES.matches("new", candidate, Map.of("old", existing)))
                            .extracting(AccountValues.DuplicateMatch::key)
                            .contains(DuplicateRules.Key.NAME, DuplicateRules.Key.TAX_ID, DuplicateRules.Key.PHONE);
                });
    }

    @Test
    void matching_is_symmetric() {
        qt().withExamples(1000).forAll(strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 3),
                        strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 3),
                        integers().between(0, 3), integers().between(0, 3))
                .checkAssert((nameA, nameB, mailA, mailB) -> {
                    var a = profile(nameA, "", "x@d" + mailA + ".com", "");
                    var b = profile(nameB, "", "y@d" + mailB + ".com", "");
                    assertThat(RULES.matches("a", a, Map.of("b", b))).extracting(AccountValues.DuplicateMatch::key)
                            .containsExactlyElementsOf(RULES.matches("b", b, Map.of("a", a)).stream()
                                    .map(AccountValues.DuplicateMatch::key).toList());
                });
    }

    @Test
    void a_free_mail_domain_is_never_a_match() {
        qt().withExamples(1000).forAll(integers().between(0, DuplicateRules.DEFAULT_FREE_MAIL.size() - 1),
                        strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8))
                .checkAssert((index, local) -> {
                    String domain = DuplicateRules.DEFAULT_FREE_MAIL.stream().sorted().toList().get(index);
                    var a = profile("alpha", "", local + "@" + domain, "");
                    var b = profile("beta", "", "x" + local + "@" + domain.toUpperCase(), "");
                    assertThat(RULES.matches("a", a, Map.of("b", b))).isEmpty();
                });
    }
}
