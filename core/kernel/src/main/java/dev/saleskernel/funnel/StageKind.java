package dev.saleskernel.funnel;

/** Whether a stage is open or one of the two terminal stages. */
public enum StageKind {
    OPEN, WON, LOST;

    public boolean terminal() {
        return this != OPEN;
    }
}
