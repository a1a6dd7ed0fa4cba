package dev.saleskernel.customer;

import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How new accounts are compared with existing ones, as data: the free-mail domains whose e-mail
 * addresses say nothing about the company, the legal-form words ignored in names, the shortest
 * phone number that counts, and the {@link Policy} (refuse or flag).
 *
 * <p>Four keys, each normalised so that spelling noise does not hide a duplicate:
 * <ul>
 *   <li>{@link Key#NAME}: Unicode NFKC, lower case, every character that is not a letter or digit
 *       becomes a word break, the legal-form words dropped, words joined without spaces;
 *       a non-Latin legal-form word (e.g. 有限公司) is also dropped from the end of a word, since such
 *       names are written without spaces ("ACME Ltd." and "acme" give {@code acme});</li>
 *   <li>{@link Key#TAX_ID}: upper case, letters and digits only;</li>
 *   <li>{@link Key#EMAIL_DOMAIN}: the part after {@code @}, lower case; no key for a free-mail domain;</li>
 *   <li>{@link Key#PHONE}: digits only; no key below {@link #minPhoneDigits()} digits.</li>
 * </ul>
 * An empty field gives no key. Two accounts are suspected duplicates when any key is equal.
 */
public record DuplicateRules(Policy policy, Set<String> freeMailDomains, Set<String> ignoredNameWords, int minPhoneDigits) {

    /** The keys compared, in this order. */
    public enum Key { NAME, TAX_ID, EMAIL_DOMAIN, PHONE }

    /** What a suspected duplicate does to the create command. */
    public enum Policy {
        /** The create is refused, naming every match. */
        REFUSE,
        /** The account is created with a duplicate-suspect marker and an event naming the matches. */
        FLAG
    }

    /** Common free-mail domains (the default list; hosts replace it with their own). */
    public static final Set<String> DEFAULT_FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.de", "web.de",
            "proton.me", "protonmail.com", "qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "yandex.ru",
            "mail.ru");

    /** Legal-form words dropped from names by default. */
    public static final Set<String> DEFAULT_IGNORED_NAME_WORDS = Set.of("ltd", "limited", "inc", "incorporated",
            "llc", "gmbh", "ag", "co", "corp", "corporation", "company", "plc", "sa", "sarl", "bv", "有限公司");

    public DuplicateRules {
        Objects.requireNonNull(policy, "policy");
        freeMailDomains = Collections.unmodifiableSet(lowerCased(freeMailDomains));
        ignoredNameWords = Collections.unmodifiableSet(lowerCased(ignoredNameWords));
        if (minPhoneDigits < 1) {
            throw new IllegalArgumentException("minPhoneDigits must be at least 1, got " + minPhoneDigits);
        }
    }

    /** The default lists, 6 phone digits, and the given policy. */
    public static DuplicateRules defaults(Policy policy) {
        return new DuplicateRules(policy, DEFAULT_FREE_MAIL, DEFAULT_IGNORED_NAME_WORDS, 6);
    }

    /** The normalised keys of a profile; a key is absent when its field gives none. */
    public Map<Key, String> keysOf(AccountProfile profile) {
        Map<Key, String> keys = new EnumMap<>(Key.class);
        put(keys, Key.NAME, normalisedName(profile.name()));
        put(keys, Key.TAX_ID, profile.taxId().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
        put(keys, Key.EMAIL_DOMAIN, emailDomain(profile.email()));
        String digits = profile.phone().replaceAll("[^0-9]", "");
        put(keys, Key.PHONE, digits.length() >= minPhoneDigits ? digits : "");
        return keys;
    }

    /**
     * Every way the candidate profile matches the given existing accounts (by id), sorted by
     * account id then key. An account whose id equals {@code candidateId} is skipped.
     */
    public List<DuplicateMatch> matches(String candidateId, AccountProfile candidate, Map<String, AccountProfile> existing) {
        Map<String, Map<Key, String>> keyed = new TreeMap<>();
        existing.forEach((id, profile) -> keyed.put(id, keysOf(profile)));
        return matchesByKeys(candidateId, keysOf(candidate), keyed);
    }

    /**
     * Every equal key between a candidate's keys and existing accounts' stored keys (by account
     * id), sorted by account id then key; the candidate's own id is skipped.
     */
    public static List<DuplicateMatch> matchesByKeys(String candidateId, Map<Key, String> candidate,
                                                     Map<String, Map<Key, String>> existing) {
        Set<DuplicateMatch> found = new TreeSet<>();
        existing.forEach((id, keys) -> {
            if (!id.equals(candidateId)) {
                keys.forEach((key, value) -> {
                    if (value.equals(candidate.get(key))) {
                        found.add(new DuplicateMatch(id, key, value));
                    }
                });
            }
        });
        return new ArrayList<>(found);
    }

    String normalisedName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder joined = new StringBuilder();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !ignoredNameWords.contains(word)) {
                joined.append(word);
            }
        }
        for (String ignored : ignoredNameWords) {
            boolean written = ignored.chars().anyMatch(c -> c > 127);
            if (written && joined.length() > ignored.length() && joined.toString().endsWith(ignored)) {
                joined.setLength(joined.length() - ignored.length());
            }
        }
        return joined.toString();
    }

    private String emailDomain(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return "";
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return freeMailDomains.contains(domain) ? "" : domain;
    }

    private static void put(Map<Key, String> keys, Key key, String value) {
        if (!value.isEmpty()) {
            keys.put(key, value);
        }
    }

    private static Set<String> lowerCased(Set<String> words) {
        Set<String> lower = new TreeSet<>();
        for (String word : Objects.requireNonNull(words, "words")) {
            lower.add(word.strip().toLowerCase(Locale.ROOT));
        }
        return lower;
    }
}
