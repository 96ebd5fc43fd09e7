package dev.ecswasm.world;

/**
 * A point in the plane: a sample plain-data component, laid out as two little-endian f32s when it
 * crosses the ABI.
 */
public record Position(float x, float y) {}
