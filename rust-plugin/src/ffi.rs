//! The boundary with the host: every import of `entt_api.h`, and safe wrappers around them.
//! All of the crate's `unsafe` lives in this file; the rest of the plugin is safe Rust.
//!
//! The wrappers turn the C conventions into Rust ones: `int` 0/1 into `bool`, `FFI_NULL_ENTITY`
//! into `Option<u32>`, the two-call buffer pattern into `String` / `Vec<u32>` (or, for names,
//! a borrowed `&str` from a stack buffer when it fits: `with_name`), and the host's
//! last-error channel into `Result<_, HostError>`.

use std::os::raw::c_int;
use std::ptr;

/// The null entity on the wire (`UINT32_MAX`).
pub const FFI_NULL_ENTITY_ID: u32 = u32::MAX;

#[link(wasm_import_module = "env")]
extern "C" {
    fn host_create_entity() -> u32;
    fn host_destroy_entity(entity: u32);
    fn host_is_entity_valid(entity: u32) -> c_int;
    fn host_add_name(entity: u32, ptr: *const u8, len: usize);
    fn host_get_name(entity: u32, buf: *mut u8, cap: usize) -> usize;
    fn host_remove_name(entity: u32) -> c_int;
    fn host_link_player_profile(player: u32, profile: u32) -> c_int;
    fn host_unlink_player_profile(entity: u32) -> c_int;
    fn host_get_profile_for_player(player: u32) -> u32;
    fn host_get_player_for_profile(profile: u32) -> u32;
    fn host_set_parent(child: u32, parent: u32) -> c_int;
    fn host_remove_parent(child: u32) -> c_int;
    fn host_get_parent(child: u32) -> u32;
    fn host_find_children(parent: u32, buf: *mut u32, cap: usize) -> usize;
    fn host_enroll(student: u32, course: u32) -> c_int;
    fn host_drop(student: u32, course: u32) -> c_int;
    fn host_get_courses_for_student(student: u32, buf: *mut u32, cap: usize) -> usize;
    fn host_get_students_for_course(course: u32, buf: *mut u32, cap: usize) -> usize;
    fn host_set_component(entity: u32, type_id: u32, ptr: *const u8, len: usize) -> c_int;
    fn host_get_component(entity: u32, type_id: u32, buf: *mut u8, cap: usize) -> usize;
    fn host_remove_component(entity: u32, type_id: u32) -> c_int;
    fn host_get_player_profiles(buf: *mut u32, cap: usize) -> usize;
    fn host_get_parent_child_pairs(buf: *mut u32, cap: usize) -> usize;
    fn host_get_enrollments(buf: *mut u32, cap: usize) -> usize;
    fn host_last_error() -> c_int;
    fn host_last_error_message(buf: *mut u8, cap: usize) -> usize;
}

// ------------------------------------------------------------------ errors

/// The host's `ENTT_*` codes (see `entt_api.h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Ok,
    NullEntity,
    InvalidEntity,
    SelfLink,
    Cycle,
    Forbidden,
    NotFound,
    BadArgument,
    InvalidUtf8,
    BufferTooSmall,
    EntityLimit,
    Unknown(i32),
}

impl ErrorCode {
    fn from_code(code: i32) -> ErrorCode {
        match code {
            0 => ErrorCode::Ok,
            1 => ErrorCode::NullEntity,
            2 => ErrorCode::InvalidEntity,
            3 => ErrorCode::SelfLink,
            4 => ErrorCode::Cycle,
            5 => ErrorCode::Forbidden,
            6 => ErrorCode::NotFound,
            7 => ErrorCode::BadArgument,
            8 => ErrorCode::InvalidUtf8,
            9 => ErrorCode::BufferTooSmall,
            10 => ErrorCode::EntityLimit,
            other => ErrorCode::Unknown(other),
        }
    }
}

/// Why the host refused a call: its code and its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError {
    pub code: ErrorCode,
    pub message: String,
}

/// The reason for the previous call's result, or `None` if it succeeded.
pub fn last_error() -> Option<HostError> {
    let code = ErrorCode::from_code(unsafe { host_last_error() });
    if code == ErrorCode::Ok {
        return None;
    }
    let message = fetch_string(|buf, cap| unsafe { host_last_error_message(buf, cap) }).unwrap_or_default();
    Some(HostError { code, message })
}

/// Turns the host's 1/0 (or a void call) into a `Result`, asking the host why on failure.
fn outcome(succeeded: bool) -> Result<(), HostError> {
    if succeeded {
        return Ok(());
    }
    Err(last_error().unwrap_or(HostError { code: ErrorCode::Unknown(0), message: String::from("no reason given") }))
}

// ------------------------------------------------------------------ the two-call pattern

/// Call 1 asks for the size (bytes including the NUL), call 2 fills a buffer of exactly that
/// capacity, which then becomes the `String` itself: one allocation, and not zeroed first, since
/// the host writes every byte before the length covers it. The NUL and UTF-8 checks stay.
fn fetch_string(call: impl Fn(*mut u8, usize) -> usize) -> Option<String> {
    let needed = call(ptr::null_mut(), 0);
    if needed == 0 {
        return None;
    }
    let mut buffer: Vec<u8> = Vec::with_capacity(needed);
    let written = call(buffer.as_mut_ptr(), needed);
    if written != needed {
        return None; // changed between the calls: nothing is read from the buffer
    }
    // SAFETY: the capacity is `needed`, and a host that answers `needed` to a buffer of `needed`
    // bytes has written all of them (the two-call contract: a string that fits is written whole).
    unsafe { buffer.set_len(needed) };
    if buffer.pop() != Some(0) {
        return None; // not NUL-terminated
    }
    if buffer.iter().all(|byte| (1..0x80).contains(byte)) {
        // one pass checked both: no NUL inside, and all ASCII, which is valid UTF-8 as it stands
        // SAFETY: every byte is in 1..0x80, so the bytes are valid UTF-8
        return Some(unsafe { String::from_utf8_unchecked(buffer) });
    }
    if buffer.contains(&0) {
        return None; // a NUL inside: the host sent more than one string
    }
    String::from_utf8(buffer).ok() // the full UTF-8 check, for names past ASCII
}

/// The same for lists: call 1 asks for the element count, call 2 fills a `Vec` of that length.
/// `width` is 1 for ids and 2 for (a, b) pairs.
fn fetch_u32s(width: usize, call: impl Fn(*mut u32, usize) -> usize) -> Vec<u32> {
    for _ in 0..3 {
        let count = call(ptr::null_mut(), 0);
        if count == 0 {
            return Vec::new();
        }
        let mut buffer = vec![0u32; count * width];
        let written = call(buffer.as_mut_ptr(), count);
        if written <= count {
            buffer.truncate(written * width);
            return buffer;
        }
        // the list grew between the calls and was not written: ask again
    }
    Vec::new()
}

fn pairs(flat: Vec<u32>) -> Vec<(u32, u32)> {
    flat.chunks(2).map(|pair| (pair[0], pair[1])).collect()
}

fn some_entity(id: u32) -> Option<u32> {
    if id == FFI_NULL_ENTITY_ID {
        None
    } else {
        Some(id)
    }
}

// ------------------------------------------------------------------ entities

/// A new entity, or `None` if the host has no id left.
pub fn create_entity() -> Option<u32> {
    some_entity(unsafe { host_create_entity() })
}

pub fn destroy_entity(entity: u32) -> Result<(), HostError> {
    unsafe { host_destroy_entity(entity) };
    outcome(last_error().is_none())
}

pub fn is_entity_valid(entity: u32) -> bool {
    if entity == FFI_NULL_ENTITY_ID {
        return false;
    }
    unsafe { host_is_entity_valid(entity) != 0 }
}

// ------------------------------------------------------------------ names

pub fn add_name(entity: u32, name: &str) -> Result<(), HostError> {
    unsafe { host_add_name(entity, name.as_ptr(), name.len()) };
    outcome(last_error().is_none())
}

pub fn get_name(entity: u32) -> Option<String> {
    fetch_string(|buf, cap| unsafe { host_get_name(entity, buf, cap) })
}

/// The stack buffer `with_name` tries first: names up to 63 bytes (and the NUL) fit in it.
pub const OPTIMISTIC_NAME_BYTES: usize = 64;

/// The variant real C APIs use beside the two-call exchange: call 2 straight away, into a
/// 64-byte buffer on the guest's stack, and `f` gets the name from there: one crossing and no
/// allocation. If the host answers more than 64 (a longer name: it wrote a cut, NUL-terminated
/// prefix), that answer was call 1's, so one more call into a heap buffer of that size finishes
/// the exchange. The trade-off: every call takes 64 bytes of the guest's stack (cheap, and freed
/// on return), a long name pays a wasted crossing and the host's copy of its prefix, and `f` only
/// borrows the name (to keep it, `f` copies it). `None` as `get_name` gives it: no name, a stale
/// id, or a host answer that fails the checks (wrong NUL, bad UTF-8, a size that changed).
pub fn with_name<R>(entity: u32, f: impl FnOnce(Option<&str>) -> R) -> R {
    // Not zeroed, as `fetch_string`'s buffer is not: zeroing it called memset, about 45% of the time.
    let mut stack = std::mem::MaybeUninit::<[u8; OPTIMISTIC_NAME_BYTES]>::uninit();
    let needed = unsafe { host_get_name(entity, stack.as_mut_ptr() as *mut u8, OPTIMISTIC_NAME_BYTES) };
    if needed == 0 {
        return f(None);
    }
    if needed <= OPTIMISTIC_NAME_BYTES {
        // SAFETY: as in `fetch_string`: a name that fits is written whole, so its `needed` bytes
        // are initialised; the checks in `c_str` still refuse a missing NUL or bad UTF-8.
        let written = unsafe { std::slice::from_raw_parts(stack.as_ptr() as *const u8, needed) };
        return f(c_str(written));
    }
    // Too long: the stack holds a cut prefix, which we drop; `needed` is call 1's answer already.
    let mut heap: Vec<u8> = Vec::with_capacity(needed);
    let written = unsafe { host_get_name(entity, heap.as_mut_ptr(), needed) };
    if written != needed {
        return f(None); // changed between the calls: nothing is read from the buffer
    }
    // SAFETY: as in `fetch_string`: a host that answers `needed` to `needed` bytes wrote them all.
    unsafe { heap.set_len(needed) };
    f(c_str(&heap))
}

/// A C string of exactly `bytes` (its NUL last, none inside) as `&str`, if it is UTF-8: the
/// checks `fetch_string` makes, on a borrowed buffer, with its one pass for an ASCII name.
fn c_str(bytes: &[u8]) -> Option<&str> {
    let (&last, text) = bytes.split_last()?;
    if last != 0 {
        return None; // empty, or not NUL-terminated
    }
    if text.iter().all(|byte| (1..0x80).contains(byte)) {
        // SAFETY: every byte is in 1..0x80: no NUL inside, and ASCII, which is valid UTF-8
        return Some(unsafe { std::str::from_utf8_unchecked(text) });
    }
    if text.contains(&0) {
        return None; // a NUL inside: the host sent more than one string
    }
    std::str::from_utf8(text).ok() // the full UTF-8 check, for names past ASCII
}

/// Call 1 alone: the bytes the name needs, NUL included; 0 if there is none.
pub fn name_size(entity: u32) -> usize {
    unsafe { host_get_name(entity, ptr::null_mut(), 0) }
}

/// Call 2 alone, into a buffer the caller chose: returns the size needed (maybe more than fits).
pub fn get_name_into(entity: u32, buffer: &mut [u8]) -> usize {
    unsafe { host_get_name(entity, buffer.as_mut_ptr(), buffer.len()) }
}

pub fn remove_name(entity: u32) -> Result<(), HostError> {
    outcome(unsafe { host_remove_name(entity) } != 0)
}

// ------------------------------------------------------------------ 1:1

pub fn link_player_profile(player: u32, profile: u32) -> Result<(), HostError> {
    outcome(unsafe { host_link_player_profile(player, profile) } != 0)
}

pub fn unlink_player_profile(entity: u32) -> Result<(), HostError> {
    outcome(unsafe { host_unlink_player_profile(entity) } != 0)
}

pub fn get_profile_for_player(player: u32) -> Option<u32> {
    some_entity(unsafe { host_get_profile_for_player(player) })
}

pub fn get_player_for_profile(profile: u32) -> Option<u32> {
    some_entity(unsafe { host_get_player_for_profile(profile) })
}

// ------------------------------------------------------------------ 1:N

pub fn set_parent(child: u32, parent: u32) -> Result<(), HostError> {
    outcome(unsafe { host_set_parent(child, parent) } != 0)
}

pub fn remove_parent(child: u32) -> Result<(), HostError> {
    outcome(unsafe { host_remove_parent(child) } != 0)
}

pub fn get_parent(child: u32) -> Option<u32> {
    some_entity(unsafe { host_get_parent(child) })
}

pub fn find_children(parent: u32) -> Vec<u32> {
    fetch_u32s(1, |buf, cap| unsafe { host_find_children(parent, buf, cap) })
}

/// Call 1 alone: how many children the parent has; 0 for none (or an invalid parent).
pub fn children_count(parent: u32) -> usize {
    unsafe { host_find_children(parent, ptr::null_mut(), 0) }
}

// ------------------------------------------------------------------ N:N

pub fn enroll(student: u32, course: u32) -> Result<(), HostError> {
    outcome(unsafe { host_enroll(student, course) } != 0)
}

/// Named so it does not shadow `std::mem::drop`.
pub fn drop_course(student: u32, course: u32) -> Result<(), HostError> {
    outcome(unsafe { host_drop(student, course) } != 0)
}

pub fn courses_of(student: u32) -> Vec<u32> {
    fetch_u32s(1, |buf, cap| unsafe { host_get_courses_for_student(student, buf, cap) })
}

pub fn students_of(course: u32) -> Vec<u32> {
    fetch_u32s(1, |buf, cap| unsafe { host_get_students_for_course(course, buf, cap) })
}

// ------------------------------------------------------------------ plain-data components

/// A component whose `#[repr(C)]` layout is the host's little-endian contract (wasm32 is
/// little-endian, so the bytes in memory are the contract's bytes).
pub trait Component: Copy {
    const TYPE_ID: u32;
}

/// `EnttPosition` in `entt_api.h`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

impl Component for Position {
    const TYPE_ID: u32 = 1;
}

/// `EnttHealth` in `entt_api.h`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Health {
    pub hp: i32,
}

impl Component for Health {
    const TYPE_ID: u32 = 2;
}

pub fn set_component<T: Component>(entity: u32, value: &T) -> Result<(), HostError> {
    let bytes = value as *const T as *const u8;
    outcome(unsafe { host_set_component(entity, T::TYPE_ID, bytes, std::mem::size_of::<T>()) } != 0)
}

pub fn get_component<T: Component>(entity: u32) -> Option<T> {
    let mut value = std::mem::MaybeUninit::<T>::zeroed();
    let size = std::mem::size_of::<T>();
    let written = unsafe { host_get_component(entity, T::TYPE_ID, value.as_mut_ptr() as *mut u8, size) };
    if written == size && last_error().is_none() {
        Some(unsafe { value.assume_init() })
    } else {
        None
    }
}

pub fn remove_component<T: Component>(entity: u32) -> Result<(), HostError> {
    outcome(unsafe { host_remove_component(entity, T::TYPE_ID) } != 0)
}

// ------------------------------------------------------------------ whole relations, one crossing each

pub fn player_profiles() -> Vec<(u32, u32)> {
    pairs(fetch_u32s(2, |buf, cap| unsafe { host_get_player_profiles(buf, cap) }))
}

pub fn parent_child_pairs() -> Vec<(u32, u32)> {
    pairs(fetch_u32s(2, |buf, cap| unsafe { host_get_parent_child_pairs(buf, cap) }))
}

/// The whole 1:N relation as flat `[parent, child, ...]` pairs, into a buffer the caller keeps
/// (a system that reads it every frame allocates once).
pub fn parent_child_pairs_into(buffer: &mut Vec<u32>) {
    buffer.clear();
    let count = unsafe { host_get_parent_child_pairs(ptr::null_mut(), 0) };
    buffer.reserve(count * 2);
    let written = unsafe { host_get_parent_child_pairs(buffer.as_mut_ptr(), count) };
    if written <= count {
        unsafe { buffer.set_len(written * 2) }; // the host wrote exactly `written` pairs
    }
}

pub fn enrollments() -> Vec<(u32, u32)> {
    pairs(fetch_u32s(2, |buf, cap| unsafe { host_get_enrollments(buf, cap) }))
}

// ------------------------------------------------------------------ exports that take raw pointers

/// Reserves `size` bytes in guest memory for the host to fill; pair with `guest_free`.
#[no_mangle]
pub extern "C" fn guest_alloc(size: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(size);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Returns memory from `guest_alloc` or `step_fetch_name`.
///
/// # Safety
/// `ptr` and `size` must come from one of those calls, and be freed once.
#[no_mangle]
pub unsafe extern "C" fn guest_free(ptr: *mut u8, size: usize) {
    if !ptr.is_null() {
        drop(Vec::from_raw_parts(ptr, 0, size));
    }
}

/// One step: creates an entity named by `len` UTF-8 bytes the host put at `ptr`.
/// Returns the id, or `FFI_NULL_ENTITY_ID` if the bytes are not UTF-8 or naming failed.
///
/// # Safety
/// `ptr` must point at `len` readable bytes of guest memory.
#[no_mangle]
pub unsafe extern "C" fn step_create_named(ptr: *const u8, len: usize) -> u32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    let name = match std::str::from_utf8(bytes) {
        Ok(name) => name,
        Err(_) => return FFI_NULL_ENTITY_ID,
    };
    crate::step_create_named_safe(name)
}

/// One step: the whole two-call fetch of a name into a fresh guest buffer. Returns the buffer's
/// address (a NUL-terminated string of `step_name_size(entity)` bytes; free it with `guest_free`),
/// or 0 if the entity has no name.
#[no_mangle]
pub extern "C" fn step_fetch_name(entity: u32) -> *mut u8 {
    let needed = name_size(entity);
    if needed == 0 {
        return ptr::null_mut();
    }
    let mut buffer = vec![0u8; needed];
    get_name_into(entity, &mut buffer);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    println!("[WASM Step] fetched the name of entity {} into {} bytes at {:#010X}", entity, needed, ptr as usize);
    ptr
}

/// One step: call 2 of a name fetch alone, into `cap` bytes at `buf` that the host had the guest
/// allocate (`guest_alloc`). Returns what the host returned: the size the name needs, NUL included,
/// which is more than `cap` if the name was truncated.
///
/// # Safety
/// `buf` must point at `cap` writable bytes of guest memory.
#[no_mangle]
pub unsafe extern "C" fn step_get_name_into(entity: u32, buf: *mut u8, cap: usize) -> usize {
    host_get_name(entity, buf, cap)
}

/// One step: call 2 of a children fetch alone, into room for `cap` ids at `buf` (allocated with
/// `guest_alloc(4 * cap)`). Returns what the host returned: the number of children, which is more
/// than `cap` if the buffer was too small and nothing was written.
///
/// # Safety
/// `buf` must point at `cap` writable u32s of guest memory.
#[no_mangle]
pub unsafe extern "C" fn step_find_children_into(parent: u32, buf: *mut u32, cap: usize) -> usize {
    host_find_children(parent, buf, cap)
}

/// One step gone wrong on purpose: asks the host to write a name just past the end of memory.
/// The host must trap before writing anything.
#[no_mangle]
pub extern "C" fn step_bad_pointer(entity: u32) -> usize {
    let end = std::arch::wasm32::memory_size::<0>() * 65536;
    println!("[WASM Step] asking for a name at {:#010X}, the end of memory", end - 2);
    unsafe { host_get_name(entity, (end - 2) as *mut u8, 16) }
}

/// Benchmark loop: `n` reads of the 1:N edges one entity at a time, `host_get_parent` for each of
/// the `count` child ids the host put at `ids`; returns pairs seen.
///
/// # Safety
/// `ids` must point at `count` u32s in guest memory.
#[no_mangle]
pub unsafe extern "C" fn bench_edges_per_entity(ids: *const u32, count: u32, n: u32) -> u32 {
    let children = std::slice::from_raw_parts(ids, count as usize);
    crate::bench_parents_of(children, n)
}
