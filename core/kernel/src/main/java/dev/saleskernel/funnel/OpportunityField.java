package dev.saleskernel.funnel;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<OpportunityField> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }
}
