/*
 * guest.c: a small guest in C, written against the generated ../entt_api.h and nothing else of
 * the plugin's, to show the ABI is language-neutral: the same host runs it beside the Rust plugin.
 *
 * Built by ../build.sh (clang-14 --target=wasm32-wasi -mexec-model=reactor) into
 * src/test/resources/c-guest/c_guest.wasm. A reactor: the host calls _initialize once, which
 * sets up wasi-libc (malloc, stdio); after that any export may be called.
 *
 * Exports (every parameter and result an i32):
 *   guest_alloc(size) / guest_free(ptr, size)  memory the host may fill (WasmHost.putString)
 *   c_create_named(ptr, len)  a new entity named by len UTF-8 bytes at ptr; FFI_NULL_ENTITY if not
 *   c_fetch_name(id)          the two-call host_get_name into a malloc'd, NUL-terminated buffer;
 *                             its address, or 0 if the entity has no name
 *   c_link(a, b)              host_link_player_profile: 1 linked, 0 refused
 *   c_children_count(parent)  call 1 of the two-call host_find_children: the number of children
 *   c_test()                  a few relationship checks; returns how many failed (0 = all passed)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entt_api.h" /* declares every import with import_module("env") already */

#define EXPORT(name) __attribute__((export_name(#name)))

EXPORT(guest_alloc) void *guest_alloc(size_t size) {
    return malloc(size ? size : 1);
}

EXPORT(guest_free) void guest_free(void *ptr, size_t size) {
    (void) size;
    free(ptr);
}

EXPORT(c_create_named) uint32_t c_create_named(const char *ptr, size_t len) {
    uint32_t id = host_create_entity();
    if (id == FFI_NULL_ENTITY) {
        return FFI_NULL_ENTITY;
    }
    host_add_name(id, ptr, len);
    if (host_last_error() != ENTT_OK) {
        return FFI_NULL_ENTITY;
    }
    printf("[C guest] created entity %u named %.*s\n", id, (int) len, ptr);
    return id;
}

EXPORT(c_fetch_name) char *c_fetch_name(uint32_t id) {
    size_t needed = host_get_name(id, NULL, 0); /* call 1: the size, NUL included; 0 = no name */
    if (needed == 0) {
        return NULL;
    }
    char *buf = malloc(needed);
    if (buf == NULL) {
        return NULL;
    }
    size_t got = host_get_name(id, buf, needed); /* call 2: the bytes */
    if (got != needed) { /* renamed in between: a caller would retry; here we give up */
        free(buf);
        return NULL;
    }
    printf("[C guest] fetched the name of entity %u into %zu bytes at 0x%08zX\n", id, needed, (size_t) buf);
    return buf;
}

EXPORT(c_link) int32_t c_link(uint32_t player, uint32_t profile) {
    return host_link_player_profile(player, profile);
}

EXPORT(c_children_count) uint32_t c_children_count(uint32_t parent) {
    return (uint32_t) host_find_children(parent, NULL, 0);
}

/* ------------------------------------------------------------------ c_test */

static int failed;

static void check(int ok, const char *what) {
    printf("[C guest] %s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) {
        failed++;
    }
}

/* The whole two-call host_find_children: a malloc'd array of *count ids (NULL if none). */
static uint32_t *children_of(uint32_t parent, size_t *count) {
    size_t n = host_find_children(parent, NULL, 0);
    *count = n;
    if (n == 0) {
        return NULL;
    }
    uint32_t *ids = malloc(n * sizeof *ids);
    *count = host_find_children(parent, ids, n);
    return ids;
}

static int contains(const uint32_t *ids, size_t n, uint32_t id) {
    for (size_t i = 0; i < n; i++) {
        if (ids[i] == id) {
            return 1;
        }
    }
    return 0;
}

EXPORT(c_test) int32_t c_test(void) {
    failed = 0;
    printf("[C guest] running relationship checks through entt_api.h\n");

    /* A name in and out again (two-call). */
    static const char hero[] = "Hero";
    uint32_t player = c_create_named(hero, sizeof hero - 1);
    char *name = c_fetch_name(player);
    check(name != NULL && strcmp(name, "Hero") == 0, "a name round-trips through host_get_name");
    free(name);

    /* 1:1: link, then read both directions. Booleans are ints: 1 or 0. */
    uint32_t profile = host_create_entity();
    check(host_link_player_profile(player, profile) == 1, "host_link_player_profile returns 1");
    check(host_get_profile_for_player(player) == profile && host_get_player_for_profile(profile) == player,
          "the 1:1 link reads back both ways");
    check(host_link_player_profile(player, player) == 0 && host_last_error() == ENTT_SELF_LINK,
          "a self-link is refused with ENTT_SELF_LINK");

    /* 1:N: two children, read back with the two-call host_find_children. */
    uint32_t parent = host_create_entity();
    uint32_t kid_a = host_create_entity();
    uint32_t kid_b = host_create_entity();
    check(host_set_parent(kid_a, parent) == 1 && host_set_parent(kid_b, parent) == 1, "host_set_parent twice");
    size_t count;
    uint32_t *kids = children_of(parent, &count);
    check(count == 2 && contains(kids, count, kid_a) && contains(kids, count, kid_b),
          "host_find_children (two-call) finds both children");
    free(kids);
    check(host_set_parent(parent, kid_a) == 0 && host_last_error() == ENTT_CYCLE,
          "a cycle is refused with ENTT_CYCLE");

    /* N:N: enroll, and read it back from the course's side. */
    uint32_t course = host_create_entity();
    check(host_enroll(kid_a, course) == 1, "host_enroll returns 1");
    uint32_t student = FFI_NULL_ENTITY;
    check(host_get_students_for_course(course, &student, 1) == 1 && student == kid_a,
          "the course lists its one student");

    /* Destroy cleans up every relation naming the entity. */
    host_destroy_entity(kid_a);
    kids = children_of(parent, &count);
    check(count == 1 && kids[0] == kid_b, "destroying a child removes it from its parent's children");
    free(kids);
    check(host_get_students_for_course(course, NULL, 0) == 0, "destroying a student drops its enrollment");
    host_destroy_entity(profile);
    check(host_get_profile_for_player(player) == FFI_NULL_ENTITY, "destroying a profile unlinks its player");

    /* A stale id is refused: FFI_NULL_ENTITY back, and host_last_error says why. */
    check(host_is_entity_valid(kid_a) == 0, "the destroyed id is no longer valid");
    uint32_t stale_parent = host_get_parent(kid_a);
    int32_t why = host_last_error();
    char message[128];
    size_t needed = host_last_error_message(message, sizeof message);
    printf("[C guest] host_get_parent(stale %u) = 0x%08X, host_last_error() = %d: %s\n", kid_a, stale_parent, why,
           needed ? message : "");
    check(stale_parent == FFI_NULL_ENTITY && why == ENTT_INVALID_ENTITY,
          "a stale id gets FFI_NULL_ENTITY and ENTT_INVALID_ENTITY");

    printf("[C guest] %d check%s failed; the surviving entities stay in the world for the host's tables\n",
           failed, failed == 1 ? "" : "s");
    return failed;
}
