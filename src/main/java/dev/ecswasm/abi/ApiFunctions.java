package dev.ecswasm.abi;

import static dev.ecswasm.abi.ArgKind.BOOL;
import static dev.ecswasm.abi.ArgKind.COUNT;
import static dev.ecswasm.abi.ArgKind.DATA_IN;
import static dev.ecswasm.abi.ArgKind.DATA_OUT;
import static dev.ecswasm.abi.ArgKind.ENTITY;
import static dev.ecswasm.abi.ArgKind.ERROR_CODE;
import static dev.ecswasm.abi.ArgKind.IDS_OUT;
import static dev.ecswasm.abi.ArgKind.SIZE;
import static dev.ecswasm.abi.ArgKind.STRING_IN;
import static dev.ecswasm.abi.ArgKind.STRING_OUT;
import static dev.ecswasm.abi.ArgKind.TYPE_ID;
import static dev.ecswasm.abi.ArgKind.VOID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every function of the C API as a guest declares it (the seed's {@code entt_api.h}): name in module
 * {@code env}, parameters, result, one line of doc, and the body that calls {@link EnttApi}. The host
 * registers these, the trace names them, and {@link CHeader} prints {@code entt_api.h} from them,
 * so the three cannot drift apart. Signatures the seed fixes are kept exactly.
 */
public final class ApiFunctions {
    /** The Wasm import module every host function lives in. */
    public static final String MODULE = "env";

    /** Every function, in the order {@code entt_api.h} declares them. */
    public static final List<ApiFunction> ALL = new Table()
            // entities
            .fn("host_create_entity", ENTITY, "Creates an entity. FFI_NULL_ENTITY if every id slot is in use.",
                    (api, h, m, a) -> api.createEntity(h))
            .fn("host_destroy_entity", VOID, "Destroys an entity and cleans up every relation naming it.",
                    (api, h, m, a) -> {
                        api.destroyEntity(h, a[0]);
                        return 0;
                    }, p("entity", ENTITY))
            .fn("host_is_entity_valid", BOOL, "1 if the id names a live entity, else 0.",
                    (api, h, m, a) -> api.isEntityValid(h, a[0]), p("entity", ENTITY))
            // names
            .fn("host_add_name", VOID, "Names an entity: len bytes of UTF-8 at ptr, no NUL needed.",
                    (api, h, m, a) -> {
                        api.addName(h, m, a[0], a[1], a[2]);
                        return 0;
                    }, p("entity", ENTITY), p("ptr", STRING_IN), p("len", SIZE))
            .fn("host_get_name", SIZE, "Two-call: bytes needed including the NUL; 0 = no name.",
                    (api, h, m, a) -> api.getName(h, m, a[0], a[1], a[2]),
                    p("entity", ENTITY), p("buf", STRING_OUT), p("cap", SIZE))
            .fn("host_remove_name", BOOL, "Removes an entity's name. 1 on success.",
                    (api, h, m, a) -> api.removeName(h, a[0]), p("entity", ENTITY))
            // 1:1
            .fn("host_link_player_profile", BOOL, "Links a player and a profile, unlinking their old partners.",
                    (api, h, m, a) -> api.linkPlayerProfile(h, a[0], a[1]), p("player", ENTITY), p("profile", ENTITY))
            .fn("host_unlink_player_profile", BOOL, "Removes the 1:1 link of a player or a profile.",
                    (api, h, m, a) -> api.unlinkPlayerProfile(h, a[0]), p("entity", ENTITY))
            .fn("host_get_profile_for_player", ENTITY, "The player's profile, or FFI_NULL_ENTITY.",
                    (api, h, m, a) -> api.getProfileForPlayer(h, a[0]), p("player", ENTITY))
            .fn("host_get_player_for_profile", ENTITY, "The profile's player, or FFI_NULL_ENTITY.",
                    (api, h, m, a) -> api.getPlayerForProfile(h, a[0]), p("profile", ENTITY))
            // 1:N
            .fn("host_set_parent", BOOL, "Makes parent the one parent of child; refuses a cycle.",
                    (api, h, m, a) -> api.setParent(h, a[0], a[1]), p("child", ENTITY), p("parent", ENTITY))
            .fn("host_remove_parent", BOOL, "Detaches a child from its parent.",
                    (api, h, m, a) -> api.removeParent(h, a[0]), p("child", ENTITY))
            .fn("host_get_parent", ENTITY, "The child's parent, or FFI_NULL_ENTITY.",
                    (api, h, m, a) -> api.getParent(h, a[0]), p("child", ENTITY))
            .fn("host_find_children", COUNT, "Two-call: the number of children; cap counts elements.",
                    (api, h, m, a) -> api.findChildren(h, m, a[0], a[1], a[2]),
                    p("parent", ENTITY), p("buf", IDS_OUT), p("cap", COUNT))
            // N:N
            .fn("host_enroll", BOOL, "Enrolls a student in a course.",
                    (api, h, m, a) -> api.enroll(h, a[0], a[1]), p("student", ENTITY), p("course", ENTITY))
            .fn("host_drop", BOOL, "Drops a student from a course.",
                    (api, h, m, a) -> api.drop(h, a[0], a[1]), p("student", ENTITY), p("course", ENTITY))
            .fn("host_get_courses_for_student", COUNT, "Two-call: the student's courses; cap counts elements.",
                    (api, h, m, a) -> api.getCoursesForStudent(h, m, a[0], a[1], a[2]),
                    p("student", ENTITY), p("buf", IDS_OUT), p("cap", COUNT))
            .fn("host_get_students_for_course", COUNT, "Two-call: the course's students; cap counts elements.",
                    (api, h, m, a) -> api.getStudentsForCourse(h, m, a[0], a[1], a[2]),
                    p("course", ENTITY), p("buf", IDS_OUT), p("cap", COUNT))
            // plain-data components
            .fn("host_set_component", BOOL, "Copies a component's bytes in; len must be its layout's size.",
                    (api, h, m, a) -> api.setComponent(h, m, a[0], a[1], a[2], a[3]),
                    p("entity", ENTITY), p("type", TYPE_ID), p("ptr", DATA_IN), p("len", SIZE))
            .fn("host_get_component", SIZE, "Two-call: the component's size; written only if it fits; 0 = none.",
                    (api, h, m, a) -> api.getComponent(h, m, a[0], a[1], a[2], a[3]),
                    p("entity", ENTITY), p("type", TYPE_ID), p("buf", DATA_OUT), p("cap", SIZE))
            .fn("host_remove_component", BOOL, "Removes a plain-data component.",
                    (api, h, m, a) -> api.removeComponent(h, a[0], a[1]), p("entity", ENTITY), p("type", TYPE_ID))
            // whole relations in one crossing
            .fn("host_get_player_profiles", COUNT, "Two-call: every 1:1 link as (player, profile) pairs; cap counts pairs.",
                    (api, h, m, a) -> api.getPlayerProfiles(h, m, a[0], a[1]), p("buf", IDS_OUT), p("cap", COUNT))
            .fn("host_get_parent_child_pairs", COUNT, "Two-call: every 1:N edge as (parent, child) pairs; cap counts pairs.",
                    (api, h, m, a) -> api.getParentChildPairs(h, m, a[0], a[1]), p("buf", IDS_OUT), p("cap", COUNT))
            .fn("host_get_enrollments", COUNT, "Two-call: every N:N edge as (student, course) pairs; cap counts pairs.",
                    (api, h, m, a) -> api.getEnrollments(h, m, a[0], a[1]), p("buf", IDS_OUT), p("cap", COUNT))
            // errors
            .fn("host_last_error", ERROR_CODE, "Why the previous call returned what it did (ENTT_OK after success).",
                    (api, h, m, a) -> api.lastError(h))
            .fn("host_last_error_message", SIZE, "Two-call: the previous call's explanation, NUL-terminated.",
                    (api, h, m, a) -> api.lastErrorMessage(h, m, a[0], a[1]), p("buf", STRING_OUT), p("cap", SIZE))
            .list();

    private ApiFunctions() {}

    /** The function with this name, e.g. {@code host_get_name}. */
    public static Optional<ApiFunction> find(String name) {
        for (ApiFunction function : ALL) {
            if (function.name().equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    private static ApiFunction.Param p(String name, ArgKind kind) {
        return new ApiFunction.Param(name, kind);
    }

    /** Collects the definitions above in order. */
    private static final class Table {
        private final List<ApiFunction> functions = new ArrayList<>();

        Table fn(String name, ArgKind result, String doc, ApiFunction.Body body, ApiFunction.Param... params) {
            functions.add(new ApiFunction(name, List.of(params), result, doc, body));
            return this;
        }

        List<ApiFunction> list() {
            return List.copyOf(functions);
        }
    }
}
