package dev.ecswasm.grader;

import java.util.List;

/** A whole grading run: one grade per exercise, in the order graded, and how long it took. */
public record Report(List<ExerciseGrade> exercises, double seconds) {

    public Report {
        exercises = List.copyOf(exercises);
    }

    public int earned() {
        return exercises.stream().mapToInt(ExerciseGrade::earned).sum();
    }

    public int possible() {
        return exercises.stream().mapToInt(ExerciseGrade::possible).sum();
    }

    /** The score as a whole percentage, rounded down (so 99.9% is not shown as 100%). */
    public int percent() {
        return possible() == 0 ? 0 : (int) (100L * earned() / possible());
    }
}
