package dev.ecswasm.world;

/** Hit points: a sample plain-data component, one little-endian i32 across the ABI. */
public record Health(int hp) {}
