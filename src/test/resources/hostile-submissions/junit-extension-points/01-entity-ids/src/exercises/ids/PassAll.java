package exercises.ids;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.launcher.TestExecutionListener;

/** Skips every test body (an extension) and would rewrite results (a listener). */
public final class PassAll implements InvocationInterceptor, TestExecutionListener {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<java.lang.reflect.Method> c,
            ExtensionContext e) {
        invocation.skip();
    }
}
