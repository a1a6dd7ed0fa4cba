package dev.saleskernel.funnel;

/** new → working → qualified / disqualified; a qualified lead is then converted. */
public enum LeadStatus { NEW, WORKING, QUALIFIED, DISQUALIFIED, CONVERTED }
