package dev.ecswasm.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.TypeSection;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Deque;
import java.util.Locale;

/**
 * Chicory's interpreter with a budget for the heap its call frames hold ({@link Limits#maxInterpreterFrameBytes()}).
 *
 * <p>Why here: the 1.7.5 interpreter keeps every frame's locals on the JVM heap and recurses in Java for every
 * non-tail call ({@code call}, {@code call_indirect}, {@code call_ref} and the export call itself all go
 * through the one protected {@code call} overridden below), so a guest recursing through a function with
 * thousands of locals fills the heap long before the guest thread's stack runs out. Counting here, before
 * the callee's frame is allocated, stops it at the budget; the {@code finally} gives each frame's bytes back
 * however the call ends (return, trap, stack overflow). A tail call replaces its frame without coming
 * through here, so each level is charged for the largest frame of the module, not its own function's.
 *
 * <p>What a level is charged: an upper bound on what Chicory allocates for one frame (see
 * {@link #frameBytes}), but at least {@link #MIN_LEVEL_BYTES}; plus, at each call, twice the shared operand
 * stack's current array (the array and the next doubling). Between two calls one function can push only
 * what its own code pushes, which the module's size bounds.
 */
final class FrameBudget extends InterpreterMachine {
    /** StackFrame (~56 B), its ctrl-stack ArrayList and first array (~80 B), the call's CtrlFrame, array
     *  headers, the call-stack deque's slot: 512 B is above all of them together. */
    static final long FRAME_OVERHEAD = 512;
    /** A local: its long slot(s) (counted apart), a ValType reference (8 B without compressed oops) and an int index. */
    static final long BYTES_PER_LOCAL = 12;
    /** One block, loop, if or try_table nesting inside the frame: a CtrlFrame (~40 B) and its list slot, doubled. */
    static final long BYTES_PER_BLOCK = 64;

    /**
     * The least a level is charged, though a thin frame takes less heap: with the default 64 MiB that is at
     * most 32,768 levels, which the default 64 MiB guest thread holds twice over (about 1 KB of JVM stack a
     * level), so an interpreted guest recursing without end always meets this limit, not the stack: one
     * outcome, whatever the JIT has made of the interpreter so far.
     */
    static final long MIN_LEVEL_BYTES = 2048;

    private final long limit;
    private final long largestFrame; // what each level is charged
    private long used;               // bytes charged by the levels running now; only touched by the call running
    private int depth;

    /** @param largestFrame {@link #largestFrame(WasmModule)} of the instance's module, worked out once a module */
    FrameBudget(Instance instance, long limit, long largestFrame) {
        super(instance);
        this.limit = limit;
        this.largestFrame = largestFrame;
    }

    @Override
    protected long[] call(MStack stack, Instance instance, Deque<StackFrame> callStack, int funcId, long[] args,
                          FunctionType callType, boolean popResults) throws ChicoryException {
        long charged = used + largestFrame + 16L * stack.array().length;
        if (charged > limit) {
            throw new Watchdog.Exceeded("maxInterpreterFrameBytes", String.format(Locale.ROOT, "the guest's calls"
                    + " nested %,d deep in the interpreter, and one more would take its call frames past"
                    + " maxInterpreterFrameBytes of %,d bytes (%,d bytes a level: the module's largest frame, at least %,d)",
                    depth, limit, largestFrame, MIN_LEVEL_BYTES));
        }
        used += largestFrame;
        depth++;
        try {
            return super.call(stack, instance, callStack, funcId, args, callType, popResults);
        } finally {
            used -= largestFrame;
            depth--;
        }
    }

    /**
     * What each call level is charged: the largest frame any function of the module can need, imports
     * included, at least the minimum. It reads every function body once: a few ms for the bundled plugin, so
     * {@link PluginModule} keeps it.
     */
    static long largestFrame(WasmModule module) {
        long largest = MIN_LEVEL_BYTES;
        TypeSection types = module.typeSection();
        ImportSection imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof FunctionImport function) {
                largest = Math.max(largest, frameBytes(types.getType(function.typeIndex()), null));
            }
        }
        FunctionSection functions = module.functionSection();
        for (int f = 0; f < functions.functionCount(); f++) {
            FunctionBody body = module.codeSection().getFunctionBody(f);
            largest = Math.max(largest, frameBytes(functions.getFunctionType(f, types), body));
        }
        return largest;
    }

    /**
     * An upper bound on the heap one frame of a function takes in the 1.7.5 interpreter: the arguments'
     * array, the locals' {@code long[]} (a v128 takes two slots), their types and indices, and a control
     * frame for each level of its deepest block nesting; an import (no body) holds only its arguments.
     */
    static long frameBytes(FunctionType type, FunctionBody body) {
        long paramSlots = ValType.sizeOf(type.params());
        if (body == null) {
            return FRAME_OVERHEAD + 8 * paramSlots;
        }
        long slots = paramSlots + ValType.sizeOf(body.localTypes());
        long locals = type.params().size() + body.localTypes().size();
        long nesting = 0;
        long deepest = 0; // the most control frames the body can hold at once: its deepest block nesting
        for (AnnotatedInstruction instruction : body.instructions()) {
            OpCode op = instruction.opcode();
            if (op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF || op == OpCode.TRY_TABLE) {
                deepest = Math.max(deepest, ++nesting);
            } else if (op == OpCode.END) {
                nesting--;
            }
        }
        return FRAME_OVERHEAD + 8 * paramSlots + 8 * slots + BYTES_PER_LOCAL * locals + BYTES_PER_BLOCK * deepest;
    }
}
