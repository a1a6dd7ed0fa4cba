package dev.saleskernel.customer;

/** A customer's class in the Pareto classification: A the most valuable, C the rest. */
public enum AbcClass { A, B, C }
