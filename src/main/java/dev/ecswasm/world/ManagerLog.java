package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import java.util.function.Consumer;

/**
 * The seed-style log ({@code [EnttManager] Created entity: 0}), one method per kind of line.
 *
 * <p>Callers pass the parts, not the line: each method returns at once when no sink listens, so a
 * silent world builds no strings and allocates nothing to log.
 */
final class ManagerLog {
    private static final String MANAGER = "[EnttManager] ";
    private static final String CLEANUP = "[EnttManager::Cleanup] ";

    private Consumer<String> sink;

    /** Where the lines go; null turns the log off. */
    void setSink(Consumer<String> sink) {
        this.sink = sink;
    }

    // ---------------------------------------------------------------- the manager's calls

    void created(int entity) {
        if (sink != null) {
            sink.accept(MANAGER + "Created entity: " + id(entity));
        }
    }

    void destroying(int entity) {
        if (sink != null) {
            sink.accept(MANAGER + "Destroying entity: " + id(entity));
        }
    }

    void named(int entity, String name) {
        if (sink != null) {
            sink.accept(MANAGER + "Named entity " + id(entity) + ": " + name);
        }
    }

    void linked(int player, int profile) {
        if (sink != null) {
            sink.accept(MANAGER + "Linked player " + id(player) + " <-> profile " + id(profile));
        }
    }

    void unlinking(int entity) {
        if (sink != null) {
            sink.accept(MANAGER + "Unlinking 1:1 for entity " + id(entity));
        }
    }

    void parentSet(int child, int parent) {
        if (sink != null) {
            sink.accept(MANAGER + "Set parent of " + id(child) + " to " + id(parent));
        }
    }

    void parentRemoved(int child) {
        if (sink != null) {
            sink.accept(MANAGER + "Removed parent of " + id(child));
        }
    }

    void enrolled(int student, int course) {
        if (sink != null) {
            sink.accept(MANAGER + "Enrolled student " + id(student) + " in course " + id(course));
        }
    }

    void dropped(int student, int course) {
        if (sink != null) {
            sink.accept(MANAGER + "Dropped student " + id(student) + " from course " + id(course));
        }
    }

    void refused(String operation, String why) {
        if (sink != null) {
            sink.accept(MANAGER + operation + " refused: " + why);
        }
    }

    // ---------------------------------------------------------------- cleanup on destroy

    void cascade(int root, int doomed) {
        if (sink != null) {
            sink.accept(CLEANUP + "Cascade from " + id(root) + ": destroying entity " + id(doomed));
        }
    }

    void cleaning(int entity) {
        if (sink != null) {
            sink.accept(CLEANUP + "Cleaning relationships for entity " + id(entity) + "...");
        }
    }

    /** The other end of one of the dying entity's edges lost it, e.g. "child 3 lost its parent 2". */
    void lost(String otherRole, int other, String lostRole, int dying) {
        if (sink != null) {
            sink.accept(CLEANUP + "  " + otherRole + " " + id(other) + " lost its " + lostRole + " " + id(dying));
        }
    }

    void leftParent(int child, int parent) {
        if (sink != null) {
            sink.accept(CLEANUP + "  removed " + id(child) + " from the children of " + id(parent));
        }
    }

    void droppedFromCourses(int student, int courses) {
        if (sink != null) {
            sink.accept(CLEANUP + "  dropped " + id(student) + " from " + courses + " course(s)");
        }
    }

    void courseRemoved(int course, int students) {
        if (sink != null) {
            sink.accept(CLEANUP + "  removed course " + id(course) + " from " + students + " student(s)");
        }
    }

    void cleaned(int entity) {
        if (sink != null) {
            sink.accept(CLEANUP + "Finished cleaning for entity " + id(entity) + ".");
        }
    }

    @Override
    public String toString() {
        return sink == null ? "ManagerLog[off]" : "ManagerLog[on]";
    }

    private static String id(int entity) {
        return EntityId.toString(entity);
    }
}
