package dev.saleskernel.funnel;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The opportunity fields a stage's entry criteria may require, by their names in pipeline JSON. */
public enum OpportunityField {
    AMOUNT("amount"), EXPECTED_CLOSE_DATE("expectedCloseDate"), NEXT_STEP("nextStep"), COMPETITOR("competitor"),
    LINES("lines"), TEAM("team");

    private final String jsonName;

    OpportunityField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    private static final Map<String, OpportunityField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OpportunityField::jsonName, f -> f));

    public static Optional<OpportunityField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
