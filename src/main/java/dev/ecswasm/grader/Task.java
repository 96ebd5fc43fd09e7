package dev.ecswasm.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test: the task it checks (the number in the exercise's README, e.g. {@code "1.2"})
 * and the points it is worth. The grader reads it from the test method; a test without it is
 * reported and counts for nothing.
 *
 * <pre>
 * &#64;Test
 * &#64;Task(id = "1.2", points = 2)
 * &#64;DisplayName("nextVersion skips the tombstone 4095 and wraps to 0")
 * void nextVersionSkipsTheTombstone() { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {
    /** The task number from the exercise's README, e.g. {@code "1.2"}. */
    String id();

    /** What passing this test earns; at least 1. */
    int points();
}
