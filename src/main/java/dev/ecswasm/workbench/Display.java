package dev.ecswasm.workbench;

import java.lang.reflect.Method;

/**
 * Shows a table as HTML or a picture as SVG in the Jupyter kernel a notebook runs in, and as plain
 * text anywhere else (JShell, a test, a terminal).
 *
 * <p>Why reflection here, and only here: each Java kernel has its own display call, and the
 * workbench must not depend on any of them at compile time, or it would load in none of the others.
 * <ul>
 *   <li>rapaio-jupyter-kernel: a {@code DisplayData} holding the text and the HTML or SVG, sent
 *       through {@code MainApp.kernel.display(...)} (its {@code Global.display(mime, object)} knows
 *       no {@code image/svg+xml}, and one output with both lets a text-only reader see the table);</li>
 *   <li>IJava and JJava: {@code Display.display(object, mimeTypes...)}.</li>
 * </ul>
 * If a kernel's call fails, the content is printed as text instead, with a line saying why.
 */
final class Display {
    /** The kernels the workbench knows how to show HTML and SVG in. */
    enum Kernel {
        RAPAIO("org.rapaio.jupyter.kernel.global.Global"),
        IJAVA("io.github.spencerpark.ijava.runtime.Display"),
        JJAVA("org.dflib.jjava.runtime.Display"),
        NONE(null);

        final String entryClass;

        Kernel(String entryClass) {
            this.entryClass = entryClass;
        }
    }

    private static Kernel kernel;

    private Display() {}

    /** The kernel this JVM runs in, found once by the class it would have loaded. */
    static Kernel kernel() {
        if (kernel == null) {
            kernel = Kernel.NONE;
            for (Kernel candidate : Kernel.values()) {
                if (candidate.entryClass != null && load(candidate.entryClass) != null) {
                    kernel = candidate;
                    break;
                }
            }
        }
        return kernel;
    }

    /**
     * Readies the kernel: rapaio sends a cell's last expression as HTML by default, which collapses
     * a text table onto one line, so it is told to send plain text. Returns a line saying where we are.
     */
    static String setup() {
        if (kernel() == Kernel.RAPAIO) {
            try {
                Object options = load(Kernel.RAPAIO.entryClass).getMethod("options").invoke(null);
                Object display = options.getClass().getMethod("display").invoke(options);
                display.getClass().getMethod("defaultMime", String.class).invoke(display, "text/plain");
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "ECS-Wasm Workbench ready; could not set rapaio's default display to text: " + e;
            }
        }
        return "ECS-Wasm Workbench ready in " + (kernel() == Kernel.NONE ? "a plain JVM: show(x) prints text"
                : kernel().name().toLowerCase() + ": show(x) shows tables as HTML, pictures as SVG");
    }

    /** Shows HTML markup, or prints {@code text} outside a kernel. */
    static void html(String html, String text) {
        show("text/html", html, text);
    }

    /** Shows SVG markup, or prints {@code text} outside a kernel. */
    static void svg(String svg, String text) {
        show("image/svg+xml", svg, text);
    }

    private static void show(String mime, String markup, String text) {
        try {
            switch (kernel()) {
                case RAPAIO:
                    rapaio(mime, markup, text);
                    return;
                case IJAVA:
                case JJAVA:
                    Class<?> display = load(kernel().entryClass);
                    Method call = display.getMethod("display", Object.class, String[].class);
                    call.invoke(null, markup, new String[] {mime});
                    return;
                default:
                    System.out.println(text);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("(could not display " + mime + " in " + kernel() + ": " + e + "; as text:)");
            System.out.println(text);
        }
    }

    /** One display output holding the markup and, beside it, the text (what a text-only reader sees). */
    private static void rapaio(String mime, String markup, String text) throws ReflectiveOperationException {
        Class<?> dataClass = load("org.rapaio.jupyter.kernel.display.DisplayData");
        Object data = dataClass.getMethod("fromText", String.class).invoke(null, text);
        dataClass.getMethod("putData", String.class, Object.class).invoke(data, mime, markup);
        Object running = load("org.rapaio.jupyter.kernel.MainApp").getField("kernel").get(null);
        running.getClass().getMethod("display", dataClass).invoke(running, data);
    }

    /** The class by name from whichever loader can see the kernel's classes, or null. */
    private static Class<?> load(String name) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                Display.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError notHere) {
                // try the next loader
            }
        }
        return null;
    }
}
