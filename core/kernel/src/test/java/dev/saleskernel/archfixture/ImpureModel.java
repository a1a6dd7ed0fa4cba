package dev.saleskernel.archfixture;

import java.time.Instant;

/** Breaks every model rule on purpose, so {@code ArchitectureRulesBiteTest} can show the rules catch it. */
public class ImpureModel {
    public double commissionRate = 0.1;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImpureModel.class);

    public double rateFor(float attainment) {
        LOG.info("rate");
        return attainment * commissionRate;
    }

    public Instant stampNow() {
        return Instant.now();
    }

    public String json() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(this);
    }

    public byte[] read(java.nio.file.Path path) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(path);
    }

    public Thread worker() {
        return new Thread(() -> { });
    }
}
