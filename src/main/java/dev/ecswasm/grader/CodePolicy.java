package dev.ecswasm.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What a student's compiled code may use, checked by reading its bytecode before any of it runs
 * (as the Artemis Java Test Sandbox does): its own packages, {@code java.lang}, {@code java.util}
 * (with its function, stream and regex packages), {@code java.nio}'s buffers and charsets,
 * {@code java.math}, {@code java.text}, printing to {@code System.out}, the project's {@code ecs},
 * {@code world} and {@code abi} packages and Chicory's API ({@code runtime}, {@code wasm},
 * {@code wasm.types}). Nothing that reflects, defines classes, starts threads or processes, touches
 * files or the network, reads the environment or ends the JVM.
 *
 * <p>Inside the test JVM this closes the doors a sandbox cannot: code that could reflect could
 * reach the harness's key and sign its own results. Method references are checked as calls.
 */
final class CodePolicy {
    private static final Set<String> PACKAGES = Set.of("java/lang", "java/util", "java/util/function",
            "java/util/stream", "java/util/regex", "java/nio", "java/nio/charset", "java/math", "java/text",
            "dev/ecswasm/ecs", "dev/ecswasm/world", "dev/ecswasm/abi",
            // Chicory's API, and only that: its compiler and internal packages can define classes
            // from bytes this policy never read, and its WASI reaches files.
            "com/dylibso/chicory/runtime", "com/dylibso/chicory/wasm", "com/dylibso/chicory/wasm/types");
    private static final Set<String> CLASSES = Set.of("java/io/PrintStream", "java/io/Serializable",
            "java/io/IOException", "java/io/UncheckedIOException");
    /** The bootstrap methods javac emits for lambdas, string concatenation, records and switches. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");
    private static final Set<String> CLASS_MEMBERS = Set.of("getName", "getSimpleName", "getTypeName", "isInstance",
            "cast", "desiredAssertionStatus", "isArray", "getComponentType", "equals", "hashCode", "toString",
            "isEnum", "isRecord");
    private static final Set<String> SYSTEM_MEMBERS_DENIED = Set.of("exit", "getenv", "getProperty", "getProperties",
            "setProperty", "setProperties", "clearProperty", "setIn", "setOut", "setErr", "in", "load", "loadLibrary",
            "mapLibraryName", "console", "inheritedChannel", "setSecurityManager", "getSecurityManager", "getLogger",
            "runFinalization");

    private CodePolicy() {}

    /** One thing the policy refuses: where, what (e.g. {@code uses java.lang.System.exit}), and why. */
    record Violation(String file, int line, String what, String why) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + what + " (" + why + ")";
        }
    }

    /** The refused uses in the {@code .class} files under {@code classes}, in file and line order, each once. */
    static List<Violation> check(Path classes, Set<String> ownPackages) {
        Set<Violation> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                new ClassReader(Files.readAllBytes(file)).accept(new Reader(ownPackages, found), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(found);
    }

    /**
     * The student's classes that take the name of a class of the tests (a helper such as a model,
     * a nested class, any name ending in {@code Test}): at run time the tests' class would answer
     * to the student's code, which could then call or change what the tests use. File names are
     * checked when the files are taken in; a source file can declare more classes than its name.
     */
    static List<Violation> takenNames(Path studentClasses, Path testClasses) {
        List<Violation> taken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(studentClasses)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String relative = studentClasses.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                String name = relative.substring(0, relative.length() - ".class".length());
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (Files.exists(testClasses.resolve(relative)) || outer.endsWith("Test")) {
                    String[] source = {outer + ".java"};
                    new ClassReader(Files.readAllBytes(f)).accept(new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitSource(String file, String debug) {
                            if (file != null) {
                                source[0] = name.substring(0, name.lastIndexOf('/') + 1) + file;
                            }
                        }
                    }, ClassReader.SKIP_CODE);
                    taken.add(new Violation(source[0], 0, "declares " + name.replace('/', '.'),
                            "a name the graded tests' classes use"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return taken;
    }

    /** Why {@code owner.member} may not be used (member {@code null} for the class itself), or {@code null} if it may. */
    static String refusal(String owner, String member, Set<String> ownPackages) {
        if (owner.startsWith("[")) {
            Type element = Type.getType(owner).getElementType();
            return element.getSort() == Type.OBJECT ? refusal(element.getInternalName(), null, ownPackages) : null;
        }
        int slash = owner.lastIndexOf('/');
        String pkg = slash < 0 ? "" : owner.substring(0, slash);
        if (ownPackages.contains(pkg)) {
            return null;
        }
        String why = reason(owner, member);
        if (why != null) {
            return why;
        }
        if (PACKAGES.contains(pkg) || CLASSES.contains(owner)) {
            return null;
        }
        return "outside what graded code may use: its own package, java.lang, java.util, java.nio buffers and "
                + "charsets, java.math, java.text, System.out, the project's ecs, world and abi, Chicory's runtime and wasm";
    }

    private static String reason(String owner, String member) {
        if (owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/")
                || owner.equals("java/lang/ClassLoader") || owner.equals("java/lang/Module")
                || owner.equals("java/lang/ModuleLayer") || owner.equals("java/lang/Package")
                || owner.equals("java/lang/StackWalker")
                || owner.equals("java/lang/Class") && member != null && !CLASS_MEMBERS.contains(member)) {
            return "reflection";
        }
        if (owner.startsWith("java/lang/Thread") || owner.equals("java/lang/InheritableThreadLocal")
                || owner.startsWith("java/util/concurrent/") || owner.equals("java/util/Timer")
                || owner.equals("java/util/TimerTask")) {
            return "threads";
        }
        if (owner.equals("java/lang/Runtime") || owner.startsWith("java/lang/Process")) {
            return "processes or the JVM's runtime";
        }
        if (owner.equals("java/lang/System") && "exit".equals(member)) {
            return "ends the JVM";
        }
        if (owner.equals("java/lang/System") && member != null && SYSTEM_MEMBERS_DENIED.contains(member)) {
            return "the environment, the JVM's streams or native code";
        }
        if (owner.startsWith("java/io/File") || owner.startsWith("java/nio/file/") || owner.startsWith("java/nio/channels/")
                || owner.equals("java/io/RandomAccessFile")) {
            return "files";
        }
        if (owner.startsWith("java/net/")) {
            return "the network";
        }
        if (owner.startsWith("sun/") || owner.startsWith("jdk/") || owner.startsWith("com/sun/")) {
            return "the JVM's internals";
        }
        if (owner.equals("java/util/ServiceLoader") || owner.equals("java/lang/SecurityManager")) {
            return "loading code";
        }
        if (owner.startsWith("dev/ecswasm/grader/")) {
            return "the grader";
        }
        return null;
    }

    /** Reads one class, noting each refused use with the source line it is on. */
    private static final class Reader extends ClassVisitor {
        private final Set<String> own;
        private final Set<Violation> found;
        private String file = "?";
        private String className = "?";

        Reader(Set<String> own, Set<Violation> found) {
            super(Opcodes.ASM9);
            this.own = own;
            this.found = found;
        }

        void use(String owner, String member, int line) {
            String why = refusal(owner, member, own);
            if (why != null) {
                found.add(new Violation(file, line, "uses " + owner.replace('/', '.') + (member == null ? "" : "." + member),
                        why));
            }
        }

        void useType(Type type, int line) {
            switch (type.getSort()) {
                case Type.OBJECT -> use(type.getInternalName(), null, line);
                case Type.ARRAY -> useType(type.getElementType(), line);
                case Type.METHOD -> {
                    useType(type.getReturnType(), line);
                    for (Type t : type.getArgumentTypes()) {
                        useType(t, line);
                    }
                }
                default -> { }
            }
        }

        void useHandle(Handle h, int line) {
            use(h.getOwner(), h.getName(), line);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
            int slash = name.lastIndexOf('/');
            file = name.substring(0, slash + 1) + name.substring(slash + 1).replaceAll("\\$.*", "") + ".java";
            if (superName != null) {
                use(superName, null, 0);
            }
            for (String i : interfaces) {
                use(i, null, 0);
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null) {
                int slash = className.lastIndexOf('/');
                file = className.substring(0, slash + 1) + source;
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            useType(Type.getType(descriptor), 0);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            useType(Type.getMethodType(descriptor), 0);
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int lineNumber, Label start) {
                    line = lineNumber;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    use(owner, member, line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    use(owner, member, line);
                    useType(Type.getType(desc), line);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    use(type, null, line);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    useType(Type.getType(desc), line);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        use(type, null, line);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        useHandle(bootstrap, line);
                    }
                    useType(Type.getMethodType(desc), line);
                    for (Object arg : args) {
                        constant(arg, line);
                    }
                }
            };
        }

        private void constant(Object value, int line) {
            if (value instanceof Type t) {
                useType(t, line);
            } else if (value instanceof Handle h) {
                useHandle(h, line);
            } else if (value instanceof ConstantDynamic c) {
                useHandle(c.getBootstrapMethod(), line);
            }
        }
    }
}
