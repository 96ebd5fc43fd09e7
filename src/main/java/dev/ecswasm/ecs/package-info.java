/**
 * An EnTT-style entity-component system: generational ids, sparse-set storages, views and signals.
 *
 * <p>Read it bottom-up, one concept per file: {@link dev.ecswasm.ecs.EntityId} (the id's bits),
 * {@link dev.ecswasm.ecs.SparseSet} (which entities), {@link dev.ecswasm.ecs.Storage} (their
 * values), {@link dev.ecswasm.ecs.Signal} (who hears about changes), the views, and
 * {@link dev.ecswasm.ecs.Registry}, which ties them together.
 */
package dev.ecswasm.ecs;
